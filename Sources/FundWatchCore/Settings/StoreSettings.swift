/// How a store keeps what it must protect (`[store]`).
public struct StoreSettings: Sendable, Hashable {
    /// A file holding the 256-bit key the reporter (举报人) of a case is encrypted with
    /// (AES-GCM); without one, a store keeps only whether there was a reporter.
    public var reporterKeyFile: String?
    /// How long a call may wait for a PostgreSQL connection before it fails as unavailable
    /// (the portal then answers 503); a call that has its connection runs to its end.
    public var deadlineSeconds = 10
    /// How long a PostgreSQL call may run once it has its connection before the connection
    /// is closed and the call fails as unavailable (a write then learns from the server
    /// whether it committed): the portal never waits on a connection that will not answer.
    public var callSeconds = 120

    public init() {}

    public static let standard = StoreSettings()

    public init(config: ConfigFile) throws(ConfigFile.Problem) {
        self.init()
        for entry in config.section("store") {
            switch entry.key {
            case "reporter_key_file": reporterKeyFile = try config.text(entry)
            case "deadline_seconds": deadlineSeconds = try config.integer(entry, in: 1...300)
            case "call_seconds": callSeconds = try config.integer(entry, in: 1...3600)
            default: throw config.problem(entry, "unknown key \(entry.key) in [store]; known: reporter_key_file, deadline_seconds, call_seconds")
            }
        }
    }
}
