import FundWatchStore
import FundWatchReturnsStore

/// Who is calling: a user, through a browser session or an API token.
public struct Identity: Sendable {
    public enum Credential: Sendable {
        /// A browser session: forms must carry its CSRF token.
        case session(PortalSession)
        /// A bearer token (the JSON API).
        case token
    }

    public var user: PortalUser
    public var credential: Credential

    /// The data this caller may see; derived here, once, from the user.
    public var scope: Scope {
        switch user.role {
        case .county: user.countyCode.map(Scope.county) ?? .nothing
        case .city: .everyCounty
        case .admin: .nothing
        }
    }

    /// The session's CSRF token (nil for API tokens).
    public var csrf: String? {
        if case .session(let s) = credential { s.csrf } else { nil }
    }
}
