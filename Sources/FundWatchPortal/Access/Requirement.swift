import Hummingbird

/// What a route needs of its caller: the single table of access rules. Every handler asks
/// ``PortalContext/require(_:)`` first; a missing or expired credential is 401 (pages
/// redirect to the login), a role that may not is 403.
public enum Requirement: Sendable {
    /// Any logged-in user.
    case signedIn
    /// Data of one county: that county's clerk, or the city.
    case county(String)
    /// Any county data (a clerk's own, or the city's all): uploads, lists.
    case returns
    /// The city: reviews, the dashboard, reports, notices, evaluation, bulletin.
    case city
    /// An administrator: users and the audit log.
    case admin

    func allows(_ identity: Identity) -> Bool {
        switch self {
        case .signedIn: true
        case .county(let code): identity.scope.contains(code)
        case .returns: identity.scope != .nothing
        case .city: identity.scope == .everyCounty
        case .admin: identity.user.role == .admin
        }
    }
}

/// A request without a valid credential.
struct Unauthenticated: Error {}

extension PortalContext {
    /// The caller, when allowed by `requirement`; otherwise 401 (no valid credential) or 403.
    public func require(_ requirement: Requirement) throws -> Identity {
        guard let identity else { throw Unauthenticated() }
        guard requirement.allows(identity) else {
            throw HTTPError(.forbidden, message: "您没有权限访问此内容 (forbidden)")
        }
        return identity
    }
}
