/// The portal's limits and timeouts (`[portal]`).
public struct PortalSettings: Sendable, Hashable {
    /// Largest upload accepted, in MiB (413 above).
    public var maxUploadMiB = 50
    /// A session ends after this many minutes without a request…
    public var sessionIdleMinutes = 30
    /// …and this many hours after login, whatever happens.
    public var sessionAbsoluteHours = 12
    /// Failed logins of one account within `lockMinutes` that lock it for `lockMinutes`.
    public var lockAfterFailures = 5
    public var lockMinutes = 15
    /// Failed logins from one address within 15 minutes after which it gets 429.
    public var addressFailureLimit = 20
    /// bcrypt cost of stored passwords.
    public var bcryptCost = 10
    /// A connection that sends nothing for this long is closed: an idle keep-alive one, and
    /// one that has not finished sending its request head (a request's head must arrive
    /// within this time of the connection opening or the previous answer).
    public var idleTimeoutSeconds = 30
    /// On SIGTERM or SIGINT the portal stops accepting and lets the requests in flight finish
    /// for at most this long, then closes the store and exits.
    public var shutdownGraceSeconds = 30
    /// Which lines `serve` writes to standard output (logfmt): `info` one per request and per
    /// upload, `warning` only refused or failed ones (4xx, 5xx), `error` only failures (5xx),
    /// `off` none.
    public var logLevel = LogLevel.info

    /// The `log_level` setting, from the most to the least said.
    public enum LogLevel: String, Sendable, Hashable, CaseIterable, Comparable {
        case info, warning, error, off

        public static func < (a: LogLevel, b: LogLevel) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }
    /// The address of the reverse proxy in front (e.g. `127.0.0.1`): for a request from it,
    /// the client's address is the last one in its `X-Forwarded-For`. Nil: no proxy trusted,
    /// the peer's address counts (a header anyone can send is never believed).
    public var trustedProxy: String?
    /// Whether session cookies carry `Secure`: `auto` (yes unless the portal listens on
    /// loopback), `always` (a TLS proxy on the same host forwards to 127.0.0.1), `never`.
    public var secureCookies = SecureCookies.auto

    /// The `secure_cookies` setting.
    public enum SecureCookies: String, Sendable, Hashable, CaseIterable {
        case auto, always, never

        /// Whether cookies are `Secure` for a portal listening on `host`, loopback or not.
        public func secure(onLoopback: Bool) -> Bool {
            switch self {
            case .auto: !onLoopback
            case .always: true
            case .never: false
            }
        }
    }

    public init() {}

    public static let standard = PortalSettings()

    public init(config: ConfigFile) throws(ConfigFile.Problem) {
        self.init()
        for entry in config.section("portal") {
            switch entry.key {
            case "max_upload_mib": maxUploadMiB = try config.integer(entry, in: 1...1_024)
            case "session_idle_minutes": sessionIdleMinutes = try config.integer(entry, in: 1...480)
            case "session_absolute_hours": sessionAbsoluteHours = try config.integer(entry, in: 1...24)
            case "lock_after_failures": lockAfterFailures = try config.integer(entry, in: 3...20)
            case "lock_minutes": lockMinutes = try config.integer(entry, in: 1...1_440)
            case "address_failure_limit": addressFailureLimit = try config.integer(entry, in: 5...1_000)
            case "bcrypt_cost": bcryptCost = try config.integer(entry, in: 8...14)
            case "idle_timeout_seconds": idleTimeoutSeconds = try config.integer(entry, in: 5...600)
            case "shutdown_grace_seconds": shutdownGraceSeconds = try config.integer(entry, in: 1...600)
            case "log_level":
                guard let level = LogLevel(rawValue: try config.text(entry)) else {
                    throw config.problem(entry, "log_level must be \"info\", \"warning\", \"error\" or \"off\"")
                }
                logLevel = level
            case "trusted_proxy":
                let address = try config.text(entry)
                guard !address.isEmpty, address.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else {
                    throw config.problem(entry, "trusted_proxy must be the proxy's IP address, e.g. \"127.0.0.1\"")
                }
                trustedProxy = address
            case "secure_cookies":
                guard let mode = SecureCookies(rawValue: try config.text(entry)) else {
                    throw config.problem(entry, "secure_cookies must be \"auto\", \"always\" or \"never\"")
                }
                secureCookies = mode
            default:
                throw config.problem(
                    entry,
                    "unknown key \(entry.key) in [portal]; known: max_upload_mib, session_idle_minutes, "
                        + "session_absolute_hours, lock_after_failures, lock_minutes, address_failure_limit, bcrypt_cost, "
                        + "idle_timeout_seconds, shutdown_grace_seconds, log_level, trusted_proxy, secure_cookies")
            }
        }
    }
}
