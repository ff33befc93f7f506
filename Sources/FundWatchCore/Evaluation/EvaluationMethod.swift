/// An indicator of the county performance evaluation (绩效评价).
public enum Indicator: String, CaseIterable, Sendable {
    case coverageRate = "coverage_rate"
    case randomRate = "random_rate"
    case recoveryPerInstitution = "recovery_per_institution"
    case handledPerInstitution = "handled_per_institution"
    case noticeTimeliness = "notice_timeliness"
    case exposures
    case returnTimeliness = "return_timeliness"
    case dataQuality = "data_quality"
    /// Informing real-name reporters and feeding back to them on time (告知、反馈按期率);
    /// weight 0 by default, so scores stay comparable with those before the tip-off register.
    case tipoffTimeliness = "tipoff_timeliness"

    public var label: String {
        switch self {
        case .coverageRate: "检查覆盖率"
        case .randomRate: "双随机抽查比例"
        case .recoveryPerInstitution: "机构均拒付追回金额"
        case .handledPerInstitution: "机构均查处家数"
        case .noticeTimeliness: "要情报告及时率"
        case .exposures: "典型案例曝光"
        case .returnTimeliness: "报表报送及时率"
        case .dataQuality: "数据质量"
        case .tipoffTimeliness: "举报告知反馈及时率"
        }
    }
}

/// Weights, targets and bands of the evaluation; defaults documented in the README.
public struct EvaluationMethod: Sendable, Hashable {
    /// Points per indicator; they sum to 100.
    public var weights: [Indicator: Int] = [
        .coverageRate: 20, .randomRate: 10, .recoveryPerInstitution: 15, .handledPerInstitution: 10,
        .noticeTimeliness: 15, .exposures: 10, .returnTimeliness: 10, .dataQuality: 10, .tipoffTimeliness: 0,
    ]
    /// Target coverage rate, percent (full points at or above).
    public var coverageTargetPercent = 100
    /// Target random-sampling rate, percent.
    public var randomTargetPercent = 5
    /// Exposed cases expected per month of the window.
    public var exposuresPerMonth = 1
    /// Consistency warnings per 100 register rows at which data quality earns nothing.
    public var warningsPer100RowsForZero = 5
    /// A score at or above this is green (绿).
    public var greenFrom = 85
    /// A score at or above this (and below green) is yellow (黄); below is red (红).
    public var yellowFrom = 70

    public init() {}

    public static let standard = EvaluationMethod()

    /// The indicators scored: every one, but the tip-off timeliness only when it has a weight
    /// (a scorecard made with the defaults is the one made before it existed).
    public var indicators: [Indicator] { Indicator.allCases.filter { $0 != .tipoffTimeliness || (weights[$0] ?? 0) > 0 } }
}

/// A traffic-light band of a score.
public enum Band: String, Sendable {
    case green, yellow, red

    public var label: String {
        switch self {
        case .green: "绿"
        case .yellow: "黄"
        case .red: "红"
        }
    }
}

extension EvaluationMethod {
    /// Reads `[evaluation.weights]`, `[evaluation.targets]` and `[evaluation.bands]`.
    /// Unknown indicators and keys name their line; weights must sum to 100.
    public init(config: ConfigFile) throws(ConfigFile.Problem) {
        self.init()
        let weightEntries = config.section("evaluation.weights")
        for entry in weightEntries {
            guard let indicator = Indicator(rawValue: entry.key) else {
                throw config.problem(entry, "unknown indicator \(entry.key); known: " + Indicator.allCases.map(\.rawValue).joined(separator: ", "))
            }
            weights[indicator] = try config.integer(entry, in: 0...100)
        }
        let total = weights.values.reduce(0, +)
        if total != 100, let first = weightEntries.first {
            let lines = weightEntries.map(\.line)
            throw ConfigFile.Problem(
                file: config.file, line: first.line,
                message:
                    "the weights of [evaluation.weights] (lines \(lines.min()!)–\(lines.max()!), with defaults for indicators not listed) sum to \(total), not 100"
            )
        }
        for entry in config.section("evaluation.targets") {
            switch entry.key {
            case "coverage_rate_percent": coverageTargetPercent = try config.integer(entry, in: 1...100)
            case "random_rate_percent": randomTargetPercent = try config.integer(entry, in: 1...100)
            case "exposures_per_month": exposuresPerMonth = try config.integer(entry, in: 0...100)
            case "warnings_per_100_rows_for_zero": warningsPer100RowsForZero = try config.integer(entry, in: 1...100)
            default:
                throw config.problem(
                    entry,
                    "unknown key \(entry.key) in [evaluation.targets]; known: coverage_rate_percent, random_rate_percent, exposures_per_month, warnings_per_100_rows_for_zero"
                )
            }
        }
        for entry in config.section("evaluation.bands") {
            switch entry.key {
            case "green_from": greenFrom = try config.integer(entry, in: 0...100)
            case "yellow_from": yellowFrom = try config.integer(entry, in: 0...100)
            default: throw config.problem(entry, "unknown key \(entry.key) in [evaluation.bands]; known: green_from, yellow_from")
            }
        }
        if yellowFrom > greenFrom, let entry = config.section("evaluation.bands").first {
            throw config.problem(entry, "yellow_from (\(yellowFrom)) must not exceed green_from (\(greenFrom))")
        }
    }

    /// The band of a score in tenths of a point.
    public func band(tenths: Int) -> Band {
        tenths >= greenFrom * 10 ? .green : tenths >= yellowFrom * 10 ? .yellow : .red
    }
}
