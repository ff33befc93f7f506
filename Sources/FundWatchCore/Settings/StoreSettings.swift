/// How a store keeps what it must protect (`[store]`).
public struct StoreSettings: Sendable, Hashable {
    /// A file holding the 256-bit key the reporter (举报人) of a case is encrypted with
    /// (AES-GCM); without one, a store keeps only whether there was a reporter.
    public var reporterKeyFile: String?

    public init() {}

    public static let standard = StoreSettings()

    public init(config: ConfigFile) throws(ConfigFile.Problem) {
        self.init()
        for entry in config.section("store") {
            switch entry.key {
            case "reporter_key_file": reporterKeyFile = try config.text(entry)
            default: throw config.problem(entry, "unknown key \(entry.key) in [store]; known: reporter_key_file")
            }
        }
    }
}
