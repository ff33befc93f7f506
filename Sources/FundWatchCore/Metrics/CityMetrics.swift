/// The metrics of every county and of the city over one window: what `metrics` prints
/// and what the report tables are built from.
public struct CityMetrics: Sendable {
    /// One county's line: where its figures came from, and the figures.
    @dynamicMemberLookup
    public struct County: Sendable {
        public var provenance: CountyProvenance
        /// Nil when the county is missing.
        public var metrics: Metrics?
        /// The county's tip-off figures over the window, when measured (nil when missing).
        public var tipoffs: TipoffFigures?

        public subscript<T>(dynamicMember keyPath: KeyPath<CountyProvenance, T>) -> T { provenance[keyPath: keyPath] }
    }

    public var window: Window
    public var asOf: Day
    public var counties: [County]
    /// The counties summed; rates recomputed from the sums.
    public var city: Metrics
    /// The counties' tip-off figures summed, when they were measured.
    public var cityTipoffs: TipoffFigures?

    /// Measures each county's chosen submission over `window` (counties in parallel).
    public init(choices: [CountyChoice<Submission>], window: Window, asOf: Day) {
        self.init(
            choices: choices, window: window, asOf: asOf,
            metrics: choices.parallelMap { $0.chosen.map { Metrics(submission: $0.payload, window: window) } })
    }

    /// Assembles a measurement from metrics already computed, one per choice (nil when
    /// missing), and, when given, the tip-off figures likewise.
    public init<Payload>(choices: [CountyChoice<Payload>], window: Window, asOf: Day, metrics: [Metrics?], tipoffs: [TipoffFigures?]? = nil) {
        self.window = window
        self.asOf = asOf
        let figures = tipoffs ?? Array(repeating: nil, count: choices.count)
        self.counties = zip(zip(choices, metrics), figures).map { County(provenance: CountyProvenance($0.0), metrics: $0.1, tipoffs: $1) }
        self.city = Metrics.sum(counties.compactMap(\.metrics))
        self.cityTipoffs = tipoffs.map { $0.compactMap { $0 }.reduce(TipoffFigures(), +) }
    }
}
