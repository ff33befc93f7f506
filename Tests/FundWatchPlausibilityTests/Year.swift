import FundWatchCore
import FundWatchSampleData

@testable import FundWatchPlausibility

/// A generated year of returns, each county's months in order, to break on purpose.
struct Year {
    /// Each county's current return per month.
    var returns: [String: [YearMonth: Submission]]

    init(seed: UInt64 = 4711) {
        var returns: [String: [YearMonth: Submission]] = [:]
        // The last version of a month is its current one (each is sent later than the one before).
        for r in SampleCity.standard(seed: seed).returns() {
            returns[r.submission.header.countyCode, default: [:]][r.submission.header.period] = r.submission
        }
        self.returns = returns
    }

    var counties: [String] { returns.keys.sorted() }

    func months(_ county: String) -> [YearMonth] { returns[county]!.keys.sorted() }

    /// The findings of `county`'s return for `month` against its earlier months, with the
    /// city's case amounts for a thin history.
    func findings(_ county: String, _ month: YearMonth, settings: PlausibilitySettings = .standard) -> [Finding] {
        let own = returns[county]!
        let history = own.filter { $0.key < month }.map { ReturnProfile($0.value) }
        let city = counties.flatMap { c in
            returns[c]!.filter { $0.key <= month }.max { $0.key < $1.key }.map { ReturnProfile($0.value).caseAmounts } ?? []
        }
        return Plausibility(settings: settings).check(own[month]!, file: "\(county)-\(month)", history: history, city: AmountReference(city))
    }

    /// `rule`'s findings only.
    func findings(_ county: String, _ month: YearMonth, rule: String) -> [Finding] {
        findings(county, month).filter { $0.rule == rule }
    }
}

extension YearMonth {
    static func m(_ year: Int, _ month: Int) -> YearMonth { YearMonth(year: year, month: month)! }
}
