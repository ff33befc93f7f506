/// A figure of table 1 for one county and month that no longer stands as first reported:
/// the registers are year to date, so a later return restates earlier months (a case added
/// late, an amount corrected). `reported` is the figure the month's own current return gave
/// for that month; `now` what the latest return gives for it; `sourcePeriod` the period of
/// the first later return that changed it.
public struct Revision: Sendable, Hashable {
    public var countyCode: String
    public var countyName: String
    public var month: YearMonth
    public var metric: MetricKey
    public var reported: MetricValue
    public var now: MetricValue
    public var sourcePeriod: YearMonth

    public init(
        countyCode: String, countyName: String, month: YearMonth, metric: MetricKey, reported: MetricValue, now: MetricValue,
        sourcePeriod: YearMonth
    ) {
        self.countyCode = countyCode
        self.countyName = countyName
        self.month = month
        self.metric = metric
        self.reported = reported
        self.now = now
        self.sourcePeriod = sourcePeriod
    }

    /// One county's revisions. `returns` holds, for each period the county sent (its
    /// current version), the figures that return gives for each month of its year up to
    /// its period (`Metrics` over that month alone); the latest period is "now". A month
    /// without a return of its own has nothing first reported, so no revision. Months in
    /// order, metrics in METRICS.md order.
    public static func find(countyCode: String, countyName: String, returns: [YearMonth: [YearMonth: Metrics]]) -> [Revision] {
        guard let latest = returns.keys.max(), let now = returns[latest] else { return [] }
        var out: [Revision] = []
        for month in returns.keys.sorted() where month < latest && month.year == latest.year {
            guard let first = returns[month]?[month], let current = now[month] else { continue }
            let later = returns.keys.sorted().filter { $0 > month && $0.year == month.year }
            for metric in MetricKey.allCases {
                let reported = metric.value(in: first), value = metric.value(in: current)
                guard reported != value else { continue }
                // The first later return whose figure for the month is not the first one.
                let source = later.first { period in returns[period]?[month].map { metric.value(in: $0) != reported } ?? false } ?? latest
                out.append(
                    Revision(
                        countyCode: countyCode, countyName: countyName, month: month, metric: metric, reported: reported, now: value,
                        sourcePeriod: source))
            }
        }
        return out
    }
}
