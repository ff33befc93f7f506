import FundWatchCore

/// What a portal user may do: a county clerk (填报员) works on one county's returns, a city
/// statistician (统计员) on every county's, an administrator on users and the audit log.
public enum UserRole: String, Sendable, CaseIterable, Codable {
    case county, city, admin

    /// The Chinese label pages show.
    public var label: String {
        switch self {
        case .county: "县区填报员"
        case .city: "市局统计员"
        case .admin: "系统管理员"
        }
    }
}

/// A portal user as stored (the password only as its bcrypt hash).
public struct PortalUser: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var role: UserRole
    /// The county a clerk is bound to (nil for city and admin users).
    public var countyCode: String?
    public var passwordHash: String
    public var disabled: Bool
    public var createdAt: Int64
}
