/// The thresholds of the 核实性审核 (plausibility checks, `[plausibility]`): how far a return
/// may move from the county's previous month and its own history before it is asked to
/// explain. docs/FORMAT.md ("Plausibility") gives each rule with its method.
public struct PlausibilitySettings: Sendable, Hashable {
    /// Whether the checks run at all (`enabled = 0` turns them off, as for measuring their cost).
    public var enabled = true
    /// The institutions register may grow or shrink by this many percent of the previous
    /// month's rows (at least `registerChangeRows` rows) before it is flagged.
    public var registerChangePercent = 10
    /// …and by at least this many rows, so a register of five does not flag one new row.
    public var registerChangeRows = 3
    /// A month's figure is an outlier when its modified z-score (0.6745 × |x − median| ÷ MAD)
    /// is above this, in hundredths (350: 3.5, Iglewicz and Hoaglin's cut-off).
    public var outlierScoreHundredths = 350
    /// A new case's amount is an outlier when the modified z-score of its logarithm against
    /// earlier cases is above this, in hundredths (500: 5.0; a fen-for-yuan typo moves an
    /// amount by 2 on that scale, about 6 spreads in the sample city).
    public var amountScoreHundredths = 500
    /// No outlier verdict on fewer than this many earlier months of the county's own history.
    public var minHistoryMonths = 6
    /// At most this many earlier months make the history.
    public var historyMonths = 12
    /// No verdict on a case amount from fewer than this many earlier cases with an amount
    /// (the county's; with fewer, the city's; with fewer still, none).
    public var minHistoryCases = 20

    public init() {}

    public static let standard = PlausibilitySettings()

    static let keys = [
        "enabled", "register_change_percent", "register_change_rows", "outlier_score", "amount_score", "min_history_months", "history_months",
        "min_history_cases",
    ]

    public init(config: ConfigFile) throws(ConfigFile.Problem) {
        self.init()
        for entry in config.section("plausibility") {
            switch entry.key {
            case "enabled": enabled = try config.integer(entry, in: 0...1) == 1
            case "register_change_percent": registerChangePercent = try config.integer(entry, in: 1...100)
            case "register_change_rows": registerChangeRows = try config.integer(entry, in: 1...10_000)
            case "outlier_score":
                let score = try config.money(entry).fen
                guard (100...10_000).contains(score) else { throw config.problem(entry, "outlier_score must be from 1.00 to 100.00, e.g. 3.50") }
                outlierScoreHundredths = Int(score)
            case "amount_score":
                let score = try config.money(entry).fen
                guard (100...10_000).contains(score) else { throw config.problem(entry, "amount_score must be from 1.00 to 100.00, e.g. 5.00") }
                amountScoreHundredths = Int(score)
            case "min_history_months": minHistoryMonths = try config.integer(entry, in: 3...24)
            case "history_months": historyMonths = try config.integer(entry, in: 3...24)
            case "min_history_cases": minHistoryCases = try config.integer(entry, in: 5...10_000)
            default: throw config.problem(entry, "unknown key \(entry.key) in [plausibility]; known: " + Self.keys.joined(separator: ", "))
            }
        }
        if minHistoryMonths > historyMonths {
            throw ConfigFile.Problem(
                file: config.file, line: config.section("plausibility").first?.line ?? 0,
                message: "min_history_months (\(minHistoryMonths)) is more than history_months (\(historyMonths))")
        }
    }
}
