/// The 双随机 draw's standing rules (`[draw]`); the seed, period and base ratio are the
/// command's options.
public struct DrawSettings: Sendable, Hashable {
    /// Each 信用风险分类 class's share in percent (never below the base ratio): A … D.
    public var classRatios: [String: Int] = ["A": 5, "B": 5, "C": 10, "D": 20]
    /// 交叉检查: inspectors never inspect their own county (1 on, 0 off).
    public var crossCounty = true
    /// Institutions drawn in this many previous months are drawn again only if a stratum needs them.
    public var excludeMonths = 3
    /// The months the plan's inspections may take, the draw's month first.
    public var windowMonths = 3

    public init() {}

    public static let standard = DrawSettings()

    static let keys = ["ratio_a", "ratio_b", "ratio_c", "ratio_d", "cross_county", "exclude_months", "window_months"]

    public init(config: ConfigFile) throws(ConfigFile.Problem) {
        self.init()
        for entry in config.section("draw") {
            switch entry.key {
            case "ratio_a", "ratio_b", "ratio_c", "ratio_d":
                classRatios[String(entry.key.last!).uppercased()] = try config.integer(entry, in: 1...100)
            case "cross_county": crossCounty = try config.integer(entry, in: 0...1) == 1
            case "exclude_months": excludeMonths = try config.integer(entry, in: 0...24)
            case "window_months": windowMonths = try config.integer(entry, in: 1...12)
            default: throw config.problem(entry, "unknown key \(entry.key) in [draw]; known: " + Self.keys.joined(separator: ", "))
            }
        }
    }
}
