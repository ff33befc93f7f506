import FundWatchCore
import Testing

@testable import FundWatchPlausibility

/// Each check against the previous month, on a generated year broken one way at a time.
@Suite("Plausibility against the previous month")
struct PreviousMonthTests {
    let county = "990201"
    let may = YearMonth.m(2026, 5), april = YearMonth.m(2026, 4)

    func rules(_ findings: [Finding]) -> [String] {
        findings.map(\.rule).filter { $0.hasPrefix("plausibility.row") || $0.hasPrefix("plausibility.register") }
    }

    @Test(
        "an untouched year has no finding against the previous month but the sample's own correction: 西山区 re-sent September with one recovery changed, and October does not carry it"
    )
    func clean() {
        let year = Year()
        var found: [String] = []
        for county in year.counties {
            for month in year.months(county) {
                found += year.findings(county, month).filter { $0.rule.hasPrefix("plausibility.row") || $0.rule.hasPrefix("plausibility.register") }
                    .map { "\(county) \(month) \($0.rule) \($0.key ?? "")" }
            }
        }
        #expect(found == ["990202 2026-09 plausibility.row.changed 2026-013", "990202 2026-10 plausibility.row.changed 2026-013"])
    }

    @Test("a case and an inspection of April gone from May: row.missing with the case id and institution/day")
    func missing() throws {
        var year = Year()
        let aprilReturn = try #require(year.returns[county]?[april])
        let gone = try #require(aprilReturn.cases.first)
        let goneInspection = try #require(aprilReturn.inspections.first)
        year.returns[county]![may]!.cases.removeAll { $0.caseID == gone.caseID }
        let index = try #require(year.returns[county]![may]!.inspections.firstIndex(of: goneInspection))
        year.returns[county]![may]!.inspections.remove(at: index)
        let found = year.findings(county, may, rule: "plausibility.row.missing")
        #expect(found.map(\.key) == [gone.caseID, "\(goneInspection.institutionCode)/\(goneInspection.inspectedOn)"])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found[0].message.contains("上月报表中的行本月不见了") && found[0].label == "案件编号")
    }

    @Test("a closed case's amount or violations changed: row.changed naming both values; an open case may change")
    func changed() throws {
        var year = Year()
        let aprilReturn = try #require(year.returns[county]?[april])
        let closed = try #require(aprilReturn.cases.first { $0.closedOn != nil })
        let open = aprilReturn.cases.first { $0.closedOn == nil }
        let i = try #require(year.returns[county]![may]!.cases.firstIndex { $0.caseID == closed.caseID })
        year.returns[county]![may]!.cases[i].amountInvolved = closed.amountInvolved + Money(fen: 100_000)
        if let open, let j = year.returns[county]![may]!.cases.firstIndex(where: { $0.caseID == open.caseID }) {
            year.returns[county]![may]!.cases[j].amountInvolved = open.amountInvolved + Money(fen: 100_000)
        }
        let found = year.findings(county, may, rule: "plausibility.row.changed")
        #expect(found.map(\.key) == [closed.caseID])
        let expected = "\(closed.amountInvolved.yuanString) → \((closed.amountInvolved + Money(fen: 100_000)).yuanString)"
        #expect(found.first?.message.contains("涉及金额(元) " + expected) == true, "\(found.first?.message ?? "")")
    }

    @Test("rows dated in February and March added in May: row.backdated keyed by the month, one finding per register and month")
    func backdated() throws {
        var year = Year()
        let template = try #require(year.returns[county]![may]!.cases.first)
        var late = template
        late.caseID = "BACK-1"
        late.openedOn = try #require(Day(year: 2026, month: 2, day: 10))
        late.closedOn = nil
        late.actions = []
        late.suspensionMonths = nil
        year.returns[county]![may]!.cases.append(late)
        var visit = try #require(year.returns[county]![may]!.inspections.first)
        visit.inspectedOn = try #require(Day(year: 2026, month: 3, day: 9))
        visit.institutionCode = try #require(year.returns[county]![may]!.institutions.last?.code)
        year.returns[county]![may]!.inspections.append(visit)
        visit.inspectedOn = try #require(Day(year: 2026, month: 3, day: 10))
        year.returns[county]![may]!.inspections.append(visit)
        let found = year.findings(county, may, rule: "plausibility.row.backdated")
        #expect(found.map(\.key) == ["2026-02", "2026-03"])
        #expect(found[0].message.contains("BACK-1") && found[0].column == "opened_on")
        #expect(found[1].message.contains("2 次检查") && found[1].column == "inspected_on")
    }

    @Test("the institutions register shrinking or growing past 10% (and 3 rows) is flagged; one row is not")
    func registerSize() throws {
        var year = Year()
        let rows = try #require(year.returns[county]?[may]?.institutions.count)
        year.returns[county]![may]!.institutions.removeLast()
        #expect(year.findings(county, may).filter { $0.rule.hasPrefix("plausibility.register") }.isEmpty)
        let drop = rows / 5
        year.returns[county]![may]!.institutions.removeLast(drop - 1)
        let shrunk = year.findings(county, may, rule: "plausibility.register.shrunk")
        #expect(shrunk.map(\.key) == ["institutions"])
        #expect(shrunk.first?.message.contains("\(rows) → \(rows - drop) 行") == true, "\(shrunk.first?.message ?? "")")
        var grown = Year()
        let extra = try #require(grown.returns[county]?[may]?.institutions.first)
        for n in 0..<(rows / 5) {
            var institution = extra
            institution.code = "H" + String(99_999_000_000 + n)
            grown.returns[county]![may]!.institutions.append(institution)
        }
        #expect(grown.findings(county, may, rule: "plausibility.register.grew").map(\.key) == ["institutions"])
    }

    @Test("a January return is not compared with December (the registers start again); a month with no previous return neither")
    func yearBoundary() throws {
        var year = Year()
        year.returns[county]![.m(2026, 1)]!.cases.removeAll()
        #expect(rules(year.findings(county, .m(2026, 1))) == [])
        year.returns[county]![april] = nil
        year.returns[county]![may]!.cases.removeAll()
        #expect(rules(year.findings(county, may)) == [])
    }

    @Test("rows gone and added are counted as a multiset, the same whether the month only appends (compared row by row) or reorders")
    func difference() {
        // Appending only: nothing gone, the tail added.
        let appended = PreviousMonthCheck.difference(["a", "b"], ["a", "b", "c", "b"])
        #expect(appended.gone.isEmpty && appended.added == ["c", "b"])
        // Reordered, one of two equal rows gone, one new row: hashed.
        let reordered = PreviousMonthCheck.difference(["a", "b", "b", "c"], ["c", "b", "a", "d"])
        #expect(reordered.gone == ["b"] && reordered.added == ["d"])
        // A shorter month: the rows it lacks are gone even though it is a prefix.
        let shorter = PreviousMonthCheck.difference(["a", "b", "c"], ["a", "b"])
        #expect(shorter.gone == ["c"] && shorter.added.isEmpty)
        #expect(PreviousMonthCheck.difference([String](), []) == ([], []))
    }
}
