import FundWatchReturns
import HTTPTypes
import Hummingbird

/// Finds out who is calling, once per request, from the session cookie or a bearer token,
/// both looked up in the store (so every portal process on one database agrees). A session
/// idle longer than `[portal] session_idle_minutes`, or older than `session_absolute_hours`,
/// is ended here; a disabled user has no identity. State-changing requests from a browser
/// session must come from the portal's own pages: `Origin` (and `Sec-Fetch-Site`, when the
/// browser sends it) are checked here, the CSRF token by the form readers.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let portal: PortalCore

    static let cookieName = "fw_session"

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        var context = context
        context.address = Self.clientAddress(
            peer: context.address, forwardedFor: request.headers[values: .xForwardedFor],
            trustedProxy: portal.settings.portal.trustedProxy)
        context.identity = try await identity(of: request)
        // The JSON API takes bearer tokens only: a browser's session cookie, which a page on
        // another site could make it send, never authorises an API call.
        if request.uri.path.hasPrefix("/api/"), case .session = context.identity?.credential { context.identity = nil }
        context.note?.name = context.identity?.user.name
        let bearer: Bool = if case .token = context.identity?.credential { true } else { false }
        if !bearer, ![.get, .head].contains(request.method) {
            try Self.checkSameOrigin(request)
        }
        return try await next(request, context)
    }

    private func identity(of request: Request) async throws -> Identity? {
        let store = portal.returns.tables
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard let userID = try await store.tokenUser(tokenHash: Secrets.hash(token)),
                let user = try await store.user(id: userID), !user.disabled
            else { return nil }
            return Identity(user: user, credential: .token)
        }
        guard let token = request.cookies[Self.cookieName]?.value, !token.isEmpty else { return nil }
        let hash = Secrets.hash(token)
        guard let (session, user) = try await store.sessionUser(tokenHash: hash) else { return nil }
        let now = portal.now()
        let settings = portal.settings.portal
        if now - session.lastSeen > Int64(settings.sessionIdleMinutes * 60) || now - session.createdAt > Int64(settings.sessionAbsoluteHours * 3_600)
        {
            try await store.endSession(tokenHash: hash)
            return nil
        }
        guard !user.disabled else { return nil }
        // Touch at most once a minute: a page's requests do not each write.
        if now - session.lastSeen >= 60 { try await store.touchSession(tokenHash: hash, at: now) }
        return Identity(user: user, credential: .session(session))
    }

    /// The client's address: the peer's, unless the peer is the trusted proxy, whose last
    /// `X-Forwarded-For` entry (the address it saw) is taken. Entries before that are the
    /// client's own claims and never believed.
    static func clientAddress(peer: String, forwardedFor: [String], trustedProxy: String?) -> String {
        guard let trustedProxy, peer == trustedProxy,
            let last = forwardedFor.joined(separator: ",").split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            !last.isEmpty, last.count <= 45, last.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" })
        else { return peer }
        return last
    }

    /// Refuses a cross-site state change. A browser that sends `Sec-Fetch-Site` is trusted
    /// on it (`same-origin`, or `none` for a user's own navigation); otherwise an `Origin`
    /// must name this host. A request with neither (a script, curl) passes: it carries no
    /// ambient browser credential an attacker could borrow.
    static func checkSameOrigin(_ request: Request) throws {
        let refused = HTTPError(.forbidden, message: "跨站请求被拒绝 (cross-site request refused)")
        if let site = request.headers[.secFetchSite] {
            guard ["same-origin", "none"].contains(site) else { throw refused }
            return
        }
        if let origin = request.headers[.origin] {
            let host = request.head.authority ?? ""
            guard origin == "http://" + host || origin == "https://" + host else { throw refused }
        }
    }
}
