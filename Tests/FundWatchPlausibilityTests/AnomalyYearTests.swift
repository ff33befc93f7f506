import FundWatchCore
import Testing

@testable import FundWatchPlausibility

/// A generated year with anomalies injected by hand — each kind twice, in different counties
/// and months — run through the checks: every anomaly must be flagged with its rule and key,
/// and the months nobody touched should rarely be flagged. The rates are printed (the README
/// quotes them) and bounded here.
@Suite("Plausibility on a year with injected anomalies")
struct AnomalyYearTests {
    /// One injected anomaly: where, and the rule and key it must be flagged with.
    struct Injection {
        let county: String
        let month: YearMonth
        let rule: String
        let key: String
    }

    /// Injects the twelve anomalies into `year`; returns them.
    static func inject(_ year: inout Year) throws -> [Injection] {
        var out: [Injection] = []
        func submission(_ c: String, _ m: YearMonth) -> Submission { year.returns[c]![m]! }

        // A case of the month before dropped.
        for (c, m) in [("990201", YearMonth.m(2026, 5)), ("990204", .m(2026, 8))] {
            let gone = try #require(submission(c, m.previous).cases.last)
            year.returns[c]![m]!.cases.removeAll { $0.caseID == gone.caseID }
            out.append(Injection(county: c, month: m, rule: "plausibility.row.missing", key: gone.caseID))
        }
        // A closed case's amount changed.
        for (c, m) in [("990203", YearMonth.m(2026, 6)), ("990206", .m(2026, 9))] {
            let closed = try #require(submission(c, m.previous).cases.first { $0.closedOn != nil })
            let i = try #require(submission(c, m).cases.firstIndex { $0.caseID == closed.caseID })
            year.returns[c]![m]!.cases[i].amountInvolved = closed.amountInvolved + Money(fen: 500_000)
            out.append(Injection(county: c, month: m, rule: "plausibility.row.changed", key: closed.caseID))
        }
        // A case opened two months earlier added late (补录).
        for (c, m) in [("990201", YearMonth.m(2026, 9)), ("990205", .m(2026, 4))] {
            var late = try #require(submission(c, m).cases.first)
            late.caseID = "LATE-\(m)"
            late.openedOn = m.previous.previous.firstDay.adding(days: 11)
            late.closedOn = nil
            late.actions = []
            late.suspensionMonths = nil
            late.policeTransferOn = nil
            late.disciplineTransferOn = nil
            year.returns[c]![m]!.cases.append(late)
            out.append(Injection(county: c, month: m, rule: "plausibility.row.backdated", key: m.previous.previous.description))
        }
        // The institutions register cut by a fifth, and grown by a fifth.
        let cut = (county: "990202", month: YearMonth.m(2026, 7))
        year.returns[cut.county]![cut.month]!.institutions.removeLast(submission(cut.county, cut.month).institutions.count / 5)
        out.append(Injection(county: cut.county, month: cut.month, rule: "plausibility.register.shrunk", key: "institutions"))
        let grow = (county: "990206", month: YearMonth.m(2026, 3))
        let model = try #require(submission(grow.county, grow.month).institutions.first)
        for n in 0..<(submission(grow.county, grow.month).institutions.count / 5) {
            var institution = model
            institution.code = "P" + String(99_999_000_000 + n)
            year.returns[grow.county]![grow.month]!.institutions.append(institution)
        }
        out.append(Injection(county: grow.county, month: grow.month, rule: "plausibility.register.grew", key: "institutions"))
        // Forty institutions inspected in one month.
        for (c, m) in [("990203", YearMonth.m(2026, 8)), ("990204", .m(2026, 10))] {
            try OutlierTests.spike(&year, c, m, count: 40)
            out.append(Injection(county: c, month: m, rule: "plausibility.metric.outlier", key: "inspected"))
        }
        // A new case typed in fen: the first new one of the month with an amount, ×100.
        for (c, from) in [("990202", YearMonth.m(2026, 5)), ("990205", .m(2026, 8))] {
            var done = false
            for m in year.months(c) where m >= from && !done {
                let earlier = Set(year.returns[c]!.filter { $0.key < m }.flatMap { $0.value.cases.map(\.caseID) })
                if let i = submission(c, m).cases.firstIndex(where: { !earlier.contains($0.caseID) && $0.amountInvolved.fen > 0 }) {
                    let id = submission(c, m).cases[i].caseID
                    year.returns[c]![m]!.cases[i].amountInvolved = Money(fen: submission(c, m).cases[i].amountInvolved.fen * 100)
                    out.append(Injection(county: c, month: m, rule: "plausibility.amount.outlier", key: id))
                    done = true
                }
            }
            #expect(done, "a new case in \(c) from \(from)")
        }
        return out
    }

    @Test(
        "every injected anomaly is flagged with its rule and key, in two generated years; untouched county-months are rarely flagged",
        arguments: [4711, 2026] as [UInt64])
    func rates(seed: UInt64) throws {
        var year = Year(seed: seed)
        let injected = try Self.inject(&year)
        #expect(injected.count == 12)
        #expect(Set(injected.map(\.rule)).count == 7, "every rule")
        var caught = 0
        for i in injected {
            let found = year.findings(i.county, i.month).filter { $0.rule == i.rule && $0.key == i.key }
            #expect(!found.isEmpty, "\(i.county) \(i.month) \(i.rule) \(i.key)")
            if !found.isEmpty { caught += 1 }
        }
        // A month touched by an injection, or the month after it (compared with it), is not
        // clean; nor are 西山区's September and October, the sample's own correction.
        var touched = Set(injected.flatMap { ["\($0.county) \($0.month)", "\($0.county) \($0.month.next)"] })
        touched.formUnion(["990202 2026-09", "990202 2026-10"])
        var clean = 0, flagged = 0
        for county in year.counties {
            for month in year.months(county) where !touched.contains("\(county) \(month)") {
                clean += 1
                if !year.findings(county, month).isEmpty { flagged += 1 }
            }
        }
        print(
            "plausibility, seed \(seed): \(caught) of \(injected.count) injected anomalies flagged; \(flagged) of \(clean) untouched county-months flagged"
        )
        #expect(caught == injected.count)
        #expect(flagged * 10 <= clean, "at most one untouched county-month in ten is flagged: \(flagged) of \(clean)")
    }
}
