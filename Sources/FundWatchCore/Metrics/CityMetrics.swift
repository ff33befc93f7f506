/// The metrics of every county and of the city over one window: what `metrics` prints
/// and what the report tables are built from.
public struct CityMetrics: Sendable {
    /// One county's line.
    public struct County: Sendable {
        public var countyCode: String
        public var countyName: String
        public var status: CountyStatus
        /// The period of the submission used (`to`, an earlier month when stale, nil when missing).
        public var period: YearMonth?
        public var submittedOn: Day?
        public var digest: String?
        /// Where the submission used came from.
        public var origin: String?
        /// Nil when the county is missing.
        public var metrics: Metrics?
    }

    public var window: Window
    public var asOf: Day
    public var counties: [County]
    /// The counties summed; rates recomputed from the sums.
    public var city: Metrics

    /// Measures each county's chosen submission over `window` (counties in parallel).
    public init(choices: [CountyChoice<Submission>], window: Window, asOf: Day) {
        self.init(choices: choices, window: window, asOf: asOf,
                  metrics: choices.parallelMap { $0.chosen.map { Metrics(submission: $0.payload, window: window) } })
    }

    /// Assembles a measurement from metrics already computed, one per choice (nil when missing).
    public init<Payload>(choices: [CountyChoice<Payload>], window: Window, asOf: Day, metrics: [Metrics?]) {
        self.window = window
        self.asOf = asOf
        self.counties = zip(choices, metrics).map { choice, metrics in
            County(
                countyCode: choice.countyCode, countyName: choice.countyName, status: choice.status,
                period: choice.chosen?.period, submittedOn: choice.chosen?.submittedOn,
                digest: choice.chosen?.digest, origin: choice.chosen?.origin,
                metrics: metrics)
        }
        self.city = Metrics.sum(counties.compactMap(\.metrics))
    }
}
