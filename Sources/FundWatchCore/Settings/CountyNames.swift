/// The counties the city registered (`[counties]`: `990201 = "东湖区"`), and the one place
/// the portal takes a county's name from: a name a county writes into its own return is that
/// county's claim, never what the city's pages call it.
public struct CountyNames: Sendable, Hashable {
    /// Registered names by 6-digit county code.
    public var names: [String: String] = [:]

    public init(_ names: [String: String] = [:]) { self.names = names }

    public static let standard = CountyNames()

    /// The registered name of `code`, or nil.
    public func registered(_ code: String) -> String? { names[code] }

    /// What a page calls `code`: its registered name, or 未登记名称 (the code is shown beside it).
    public func display(_ code: String) -> String { names[code] ?? "未登记名称" }

    public init(config: ConfigFile) throws(ConfigFile.Problem) {
        self.init()
        for entry in config.section("counties") {
            guard CountyCode(entry.key) != nil else {
                throw config.problem(entry, "[counties] keys are 6-digit county codes (行政区划代码), e.g. 990201 = \"东湖区\"")
            }
            let name = try config.text(entry)
            guard !name.isEmpty, name.count <= 40 else { throw config.problem(entry, "the name of \(entry.key) must be 1 to 40 characters") }
            names[entry.key] = name
        }
    }
}
