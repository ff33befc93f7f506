import FundWatchCore
import Testing

/// Small hand-made submissions for the choice rules and the city sums.
enum Make {
    static func submission(
        county: String, period: String, submittedOn: String, designated: Int = 4, inspected: Int = 1,
        cases: [CaseRecord] = []
    ) -> Submission {
        let header = SubmissionHeader(
            countyCode: county, countyName: "县\(county)", period: YearMonth(iso: period)!,
            preparedBy: "张三", submittedOn: Day(iso: submittedOn)!)
        let institutions = (0..<designated).map { i in
            Institution(code: "H\(county)0000\(i)", name: "医院\(i)", category: .publicHospital, agreementStatus: .active)
        }
        let inspections = (0..<inspected).map { i in
            Inspection(institutionCode: "H\(county)0000\(i)", inspectedOn: YearMonth(iso: period)!.firstDay, method: .routine, problemsFound: false)
        }
        return Submission(header: header, institutions: institutions, inspections: inspections, cases: cases)
    }

    static func candidate(_ s: Submission, sequence: Int, origin: String? = nil) -> SubmissionVersion<Submission> {
        SubmissionVersion(
            countyCode: s.header.countyCode, countyName: s.header.countyName, period: s.header.period,
            submittedOn: s.header.submittedOn, digest: fingerprint(s), origin: origin ?? "file\(sequence)",
            sequence: sequence, payload: s)
    }

    /// The canonical form itself stands in for its digest here (the core hashes nothing):
    /// equal registers, equal fingerprints.
    static func fingerprint(_ s: Submission) -> String {
        var bytes: [UInt8] = []
        s.writeCanonicalForm(reporter: { $0.isEmpty ? "" : "present" }) { bytes.append(contentsOf: $0) }
        return bytes.map { String($0, radix: 16) }.joined()
    }
}

@Suite("Which submission a report uses")
struct ChoiceTests {
    let march = YearMonth(iso: "2026-03")!

    @Test("the latest version for the month `to` is used; later months are ignored")
    func latestForTo() throws {
        let first = Make.submission(county: "990101", period: "2026-03", submittedOn: "2026-04-03", inspected: 1)
        let second = Make.submission(county: "990101", period: "2026-03", submittedOn: "2026-04-10", inspected: 2)
        let april = Make.submission(county: "990101", period: "2026-04", submittedOn: "2026-05-03", inspected: 3)
        let choices = try chooseVersions(
            [second, april, first].enumerated().map { Make.candidate($1, sequence: $0) },
            for: march, tieRule: .refuseDifferentContents)
        #expect(choices.count == 1)
        #expect(choices[0].status == .ok)
        #expect(choices[0].chosen?.payload.inspections.count == 2)
    }

    @Test("a county without a return for `to` falls back to its latest earlier one (stale) or is missing")
    func staleAndMissing() throws {
        let feb = Make.submission(county: "990102", period: "2026-02", submittedOn: "2026-03-04")
        let jan = Make.submission(county: "990102", period: "2026-01", submittedOn: "2026-02-04")
        let later = Make.submission(county: "990103", period: "2026-05", submittedOn: "2026-06-04")
        let choices = try chooseVersions(
            [jan, feb, later].enumerated().map { Make.candidate($1, sequence: $0) },
            for: march, tieRule: .refuseDifferentContents)
        #expect(choices.map(\.countyCode) == ["990102", "990103"])
        #expect(choices[0].status == .stale)
        #expect(choices[0].chosen?.period.description == "2026-02")
        #expect(choices[1].status == .missing)
        #expect(choices[1].chosen == nil)
    }

    @Test("files given together: the same submitted_on with different contents is an error naming both files")
    func tieConflict() {
        let a = Make.submission(county: "990101", period: "2026-03", submittedOn: "2026-04-03", inspected: 1)
        let b = Make.submission(county: "990101", period: "2026-03", submittedOn: "2026-04-03", inspected: 2)
        #expect {
            try chooseVersions(
                [Make.candidate(a, sequence: 0, origin: "a.xml"), Make.candidate(b, sequence: 1, origin: "b-csv")],
                for: march, tieRule: .refuseDifferentContents)
        } throws: { error in
            let conflict = error as? VersionConflict
            return conflict?.origins == ["a.xml", "b-csv"] && conflict?.description.contains("a.xml and b-csv") == true
        }
    }

    @Test("identical contents tie harmlessly; in a store the later import wins a tie")
    func tieRules() throws {
        let a = Make.submission(county: "990101", period: "2026-03", submittedOn: "2026-04-03", inspected: 1)
        let b = Make.submission(county: "990101", period: "2026-03", submittedOn: "2026-04-03", inspected: 2)
        let same = try chooseVersions(
            [Make.candidate(a, sequence: 0), Make.candidate(a, sequence: 1)], for: march, tieRule: .refuseDifferentContents)
        #expect(same[0].chosen?.payload == a)
        let store = try chooseVersions([Make.candidate(b, sequence: 1), Make.candidate(a, sequence: 0)], for: march, tieRule: .laterImportWins)
        #expect(store[0].chosen?.payload == b)
    }
}

@Suite("The current version: one rule")
struct CurrentVersionTests {
    @Test("the latest submitted_on is current, whatever the order of arrival; a tie goes to the later arrival")
    func currentByDateThenArrival() throws {
        let first = Make.submission(county: "990101", period: "2026-03", submittedOn: "2026-04-05", inspected: 1)
        let backdated = Make.submission(county: "990101", period: "2026-03", submittedOn: "2026-04-03", inspected: 2)
        let sameDay = Make.submission(county: "990101", period: "2026-03", submittedOn: "2026-04-05", inspected: 3)
        // A correction dated earlier than the version before it arrives last: not current.
        let versions = [Make.candidate(first, sequence: 1), Make.candidate(backdated, sequence: 2)]
        #expect(currentVersion(of: versions)?.sequence == 1)
        #expect(!isNewer(versions[1], than: versions[0]))
        // The report's choice is the same rule.
        let chosen = try chooseVersions(versions, for: YearMonth(iso: "2026-03")!, tieRule: .laterImportWins)
        #expect(chosen[0].chosen?.sequence == 1)
        let tied = versions + [Make.candidate(sameDay, sequence: 3)]
        #expect(currentVersion(of: tied)?.sequence == 3)
        #expect(currentVersion(of: tied.reversed())?.sequence == 3)
        #expect(currentVersion(of: [SubmissionVersion<Submission>]()) == nil)
    }
}

@Suite("City sums")
struct CitySumTests {
    @Test("the city sums counts and money; its rates come from its sums, not from averaging rates")
    func cityRates() throws {
        let window = try Window(to: YearMonth(iso: "2026-03")!)
        let caseA = CaseRecord(
            caseID: "1", institutionCode: "H99010100000", openedOn: Day(iso: "2026-03-02")!, source: .method(.routine),
            violations: [.other], amountInvolved: Money(fen: 4_000))
        let caseB = CaseRecord(
            caseID: "1", institutionCode: "H99010200000", openedOn: Day(iso: "2026-03-02")!, source: .referral,
            violations: [.other], amountInvolved: Money(fen: 4_000))
        let a = Make.submission(county: "990101", period: "2026-03", submittedOn: "2026-04-03", designated: 2, inspected: 1, cases: [caseA])
        let b = Make.submission(county: "990102", period: "2026-03", submittedOn: "2026-04-03", designated: 4, inspected: 1, cases: [caseB])
        let choices = try chooseVersions(
            [Make.candidate(a, sequence: 0), Make.candidate(b, sequence: 1)], for: window.to,
            tieRule: .refuseDifferentContents)
        let m = CityMetrics(choices: choices, window: window, asOf: window.lastDay)
        #expect(m.counties.map { $0.metrics!.coverageRate.display } == ["50.0%", "25.0%"])
        #expect(m.city.designated == 6)
        #expect(m.city.inspected == 2)
        #expect(m.city.coverageRate.display == "33.3%")  // 2 ÷ 6, not (50 + 25) ÷ 2
        #expect(m.counties.map { $0.metrics!.amountInvolved.wanString } == ["0.00", "0.00"])
        #expect(m.city.amountInvolved.wanString == "0.01")  // 80 yuan, rounded from the exact sum
        #expect(m.city.handledInstitutions == 2)
    }
}
