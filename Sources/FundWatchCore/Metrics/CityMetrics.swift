/// The metrics of every county and of the city over one window: what `metrics` prints
/// and what the report tables are built from.
public struct CityMetrics: Sendable {
    /// One county's line: where its figures came from, and the figures.
    @dynamicMemberLookup
    public struct County: Sendable {
        public var provenance: CountyProvenance
        /// Nil when the county is missing.
        public var metrics: Metrics?

        public subscript<T>(dynamicMember keyPath: KeyPath<CountyProvenance, T>) -> T { provenance[keyPath: keyPath] }
    }

    public var window: Window
    public var asOf: Day
    public var counties: [County]
    /// The counties summed; rates recomputed from the sums.
    public var city: Metrics

    /// Measures each county's chosen submission over `window` (counties in parallel).
    public init(choices: [CountyChoice<Submission>], window: Window, asOf: Day) {
        self.init(
            choices: choices, window: window, asOf: asOf,
            metrics: choices.parallelMap { $0.chosen.map { Metrics(submission: $0.payload, window: window) } })
    }

    /// Assembles a measurement from metrics already computed, one per choice (nil when missing).
    public init<Payload>(choices: [CountyChoice<Payload>], window: Window, asOf: Day, metrics: [Metrics?]) {
        self.window = window
        self.asOf = asOf
        self.counties = zip(choices, metrics).map { County(provenance: CountyProvenance($0), metrics: $1) }
        self.city = Metrics.sum(counties.compactMap(\.metrics))
    }
}
