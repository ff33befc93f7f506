import FundWatchCore
import Testing

@testable import FundWatchPlausibility

/// The outlier checks: a month far above the county's own months, a case amount far above
/// earlier cases, and no verdict on a thin history.
@Suite("Plausibility outliers")
struct OutlierTests {
    let county = "990203", month = YearMonth.m(2026, 9)

    /// `count` extra inspections of distinct institutions during `month`.
    static func spike(_ year: inout Year, _ county: String, _ month: YearMonth, count: Int) throws {
        let codes = year.returns[county]![month]!.institutions.map(\.code)
        var visit = try #require(year.returns[county]![month]!.inspections.first)
        visit.method = .special
        for code in codes.prefix(count) {
            visit.institutionCode = code
            visit.inspectedOn = month.firstDay.adding(days: 2)
            year.returns[county]![month]!.inspections.append(visit)
        }
    }

    @Test("forty institutions inspected in one month against the county's usual few: metric.outlier keyed inspected, with median and score")
    func metricSpike() throws {
        var year = Year()
        #expect(year.findings(county, month, rule: "plausibility.metric.outlier").isEmpty)
        try Self.spike(&year, county, month, count: 40)
        let found = year.findings(county, month, rule: "plausibility.metric.outlier")
        #expect(found.map(\.key) == ["inspected"])
        #expect(found.first?.message.contains("以往 10 个月中位数") == true, "\(found.first?.message ?? "")")
    }

    @Test("a thin history gives no verdict: with five earlier months nothing is said, with six the spike is flagged")
    func thinHistory() throws {
        var year = Year()
        try Self.spike(&year, county, month, count: 40)
        year.returns[county] = year.returns[county]!.filter { $0.key >= .m(2026, 4) }
        #expect(year.findings(county, month, rule: "plausibility.metric.outlier").isEmpty, "five earlier months")
        var six = Year()
        try Self.spike(&six, county, month, count: 40)
        six.returns[county] = six.returns[county]!.filter { $0.key >= .m(2026, 3) }
        #expect(six.findings(county, month, rule: "plausibility.metric.outlier").map(\.key) == ["inspected"])
    }

    /// The first case new in a month from May on (not in any earlier month) with an amount.
    static func newCase(_ year: Year) throws -> (county: String, month: YearMonth, index: Int) {
        for county in year.counties {
            for month in year.months(county) where month >= .m(2026, 5) {
                let earlier = Set(year.returns[county]!.filter { $0.key < month }.flatMap { $0.value.cases.map(\.caseID) })
                if let i = year.returns[county]![month]!.cases.firstIndex(where: { !earlier.contains($0.caseID) && $0.amountInvolved.fen > 0 }) {
                    return (county, month, i)
                }
            }
        }
        throw Missing()
    }

    struct Missing: Error {}

    @Test("a new case typed in fen (×100): amount.outlier keyed by its case id; the same case in yuan is not")
    func fenTypo() throws {
        var year = Year()
        let (county, month, i) = try Self.newCase(year)
        let id = year.returns[county]![month]!.cases[i].caseID
        #expect(year.findings(county, month, rule: "plausibility.amount.outlier").filter { $0.key == id }.isEmpty)
        year.returns[county]![month]!.cases[i].amountInvolved = Money(fen: year.returns[county]![month]!.cases[i].amountInvolved.fen * 100)
        let found = year.findings(county, month, rule: "plausibility.amount.outlier")
        #expect(found.map(\.key) == [id])
        #expect(found.first?.column == "amount_involved")
    }

    @Test("with fewer earlier cases than min_history_cases the city's cases are the reference; with too few of those, no verdict")
    func thinCases() throws {
        var year = Year()
        let (county, month, i) = try Self.newCase(year)
        year.returns[county]![month]!.cases[i].amountInvolved = Money(fen: year.returns[county]![month]!.cases[i].amountInvolved.fen * 100)
        var settings = PlausibilitySettings()
        settings.minHistoryCases = 1_000
        let own = year.returns[county]!
        let history = own.filter { $0.key < month }.map { ReturnProfile($0.value) }
        let check = Plausibility(settings: settings)
        let withCity = check.check(
            own[month]!, file: "f", history: history,
            city: AmountReference(Array(repeating: Money(fen: 3_000_000), count: 1_500) + [Money(fen: 9_000_000)]))
        #expect(withCity.filter { $0.rule == "plausibility.amount.outlier" }.first?.message.contains("全市") == true)
        let none = check.check(own[month]!, file: "f", history: history, city: .none)
        #expect(none.filter { $0.rule == "plausibility.amount.outlier" }.isEmpty)
    }
}
