import FundWatchReturns
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

    /// The data this caller may see (``Scope/init(user:)``).
    public var scope: Scope { Scope(user: user) }

    /// The session's CSRF token (nil for API tokens).
    public var csrf: String? {
        if case .session(let s) = credential { s.csrf } else { nil }
    }
}
