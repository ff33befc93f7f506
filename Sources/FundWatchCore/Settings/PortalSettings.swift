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
            default:
                throw config.problem(entry, "unknown key \(entry.key) in [portal]; known: max_upload_mib, session_idle_minutes, "
                                     + "session_absolute_hours, lock_after_failures, lock_minutes, address_failure_limit, bcrypt_cost")
            }
        }
    }
}
