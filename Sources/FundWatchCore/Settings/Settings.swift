/// Everything a configuration file can set. Each section has one reader; a section or
/// key nobody reads is an error naming its line, so a typo never passes silently.
public struct Settings: Sendable {
    /// `[notices]`, `[returns]`, `[tipoffs]` and `[calendar]`.
    public var policy = Policy.standard
    /// `[evaluation.weights]`, `[evaluation.targets]`, `[evaluation.bands]`.
    public var evaluation = EvaluationMethod.standard
    /// `[bulletin]`.
    public var bulletin = BulletinSettings.standard
    /// `[store]`.
    public var store = StoreSettings.standard
    /// `[portal]`.
    public var portal = PortalSettings.standard
    /// `[report]`: the report workbook's 表号 block and footer, the template's contact.
    public var report = ReportSettings.standard
    /// `[draw]`: the 双随机 draw's class ratios, cross-county rule, exclusion and window.
    public var draw = DrawSettings.standard
    /// `[plausibility]`: the thresholds of the checks against the county's own history.
    public var plausibility = PlausibilitySettings.standard
    /// `[counties]`: the names the city registered for its county codes (the portal's pages use them).
    public var counties = CountyNames.standard

    /// The sections FundWatch reads.
    public static let knownSections = [
        "notices", "returns", "evaluation.weights", "evaluation.targets", "evaluation.bands", "bulletin", "store", "portal", "report", "draw",
        "counties", "plausibility", "tipoffs", "calendar",
    ]

    public init() {}

    /// Reads a parsed file.
    public init(_ file: ConfigFile) throws(ConfigFile.Problem) {
        for entry in file.entries where !Self.knownSections.contains(entry.section) {
            let name = entry.section.isEmpty ? "(no section)" : "[\(entry.section)]"
            throw file.problem(entry, "\(name) is not a FundWatch section; known: " + Self.knownSections.map { "[\($0)]" }.joined(separator: ", "))
        }
        policy = try Policy(config: file)
        evaluation = try EvaluationMethod(config: file)
        bulletin = try BulletinSettings(config: file)
        store = try StoreSettings(config: file)
        portal = try PortalSettings(config: file)
        report = try ReportSettings(config: file)
        draw = try DrawSettings(config: file)
        counties = try CountyNames(config: file)
        plausibility = try PlausibilitySettings(config: file)
    }
}
