import FundWatchReturns
import FundWatchReturnsStore
import Hummingbird

/// Login and logout. Failed logins are counted in the store per user name (known or not)
/// and per address: `[portal] lock_after_failures` within `lock_minutes` lock the name for
/// `lock_minutes`, `address_failure_limit` within 15 minutes block the address (429). An
/// unknown name costs the same bcrypt work as a known one and gets the same answer.
struct SessionRoutes: Sendable {
    let core: PortalCore

    func add(to router: Router<PortalContext>) {
        router.get("/login") { _, context in
            if context.identity != nil { return PageResponse.redirect("/") }
            return loginPage(message: nil, name: "", status: .ok)
        }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { request, context in
            let identity = try context.require(.signedIn)
            let form = try await FormFields.read(request, limit: 64 * 1_024)
            try Forms.checkCSRF(form, identity)
            if case .session(let session) = identity.credential { try await core.returns.tables.endSession(tokenHash: session.tokenHash) }
            try await core.audit(identity.user.name, "logout", "ok", "", address: context.address)
            var response = PageResponse.redirect("/login")
            response.setCookie(expiredCookie)
            return response
        }
        router.get("/") { _, context in
            guard let identity = context.identity else { return PageResponse.redirect("/login") }
            return PageResponse.redirect(Self.home(identity.user))
        }
    }

    /// Where a user lands after login.
    static func home(_ user: PortalUser) -> String {
        switch user.role {
        case .county: "/counties/\(user.countyCode ?? "")"
        case .city: "/dashboard"
        case .admin: "/admin/users"
        }
    }

    private func loginPage(message: String?, name: String, status: HTTPResponse.Status) -> Response {
        let settings = core.settings.portal
        let page = LoginPage(message: message, name: name, lockAfter: settings.lockAfterFailures, lockMinutes: settings.lockMinutes)
        return PageResponse.html(core.page("login", title: "登录", for: nil, page), status: status)
    }

    private func login(_ request: Request, _ context: PortalContext) async throws -> Response {
        let form = try await FormFields.read(request, limit: 64 * 1_024)
        let name = form["name"].trimmingCharacters(in: .whitespaces), password = form["password"]
        let store = core.returns.tables, settings = core.settings.portal, now = core.now()
        // The attempt is counted before the password is checked, atomically in the store all
        // portal processes share: a burst of guesses gets at most lock_after_failures checks.
        let reservation = try await store.reserveLogin(
            user: name, address: context.address, at: now,
            userSince: now - Int64(settings.lockMinutes * 60), userLimit: settings.lockAfterFailures,
            addressSince: now - 15 * 60, addressLimit: settings.addressFailureLimit)
        let reserved: Int64
        switch reservation {
        case .addressThrottled:
            try await core.audit(name, "login", "throttled", "address limit", address: context.address)
            return loginPage(message: "来自本地址的失败登录过多,请 15 分钟后再试。", name: name, status: .tooManyRequests)
        case .userLocked:
            try await core.audit(name, "login", "locked", "", address: context.address)
            return loginPage(message: "该账户因多次密码错误已锁定 \(settings.lockMinutes) 分钟,请稍后再试。", name: name, status: .tooManyRequests)
        case .reserved(let id):
            reserved = id
        }
        let user = try await store.user(named: name)
        let matches = await core.returns.passwords.verify(password, hash: user?.passwordHash)
        guard matches, let user, !user.disabled else {
            // The reservation stays: it is this failure's record.
            try await core.audit(name, "login", "failed", "", address: context.address)
            return loginPage(message: "用户名或密码错误。", name: name, status: .unauthorized)
        }
        try await store.loginSucceeded(user: name, reservation: reserved)
        // Logins are where expired sessions and stale failures are cleared away.
        try await store.purge(
            sessionsIdleBefore: now - Int64(settings.sessionIdleMinutes * 60),
            createdBefore: now - Int64(settings.sessionAbsoluteHours * 3_600),
            failuresBefore: now - Int64(max(settings.lockMinutes, 15) * 60))
        // A new session id at every login; the old cookie, if any, no longer opens anything.
        if let old = request.cookies[AccessMiddleware.cookieName]?.value { try await store.endSession(tokenHash: Secrets.hash(old)) }
        let token = Secrets.token()
        try await store.createSession(
            PortalSession(
                tokenHash: Secrets.hash(token), userID: user.id, csrf: Secrets.token(), createdAt: now,
                lastSeen: now, address: context.address))
        try await core.audit(user.name, "login", "ok", "", address: context.address)
        var response = PageResponse.redirect(Self.home(user))
        response.setCookie(
            Cookie(
                name: AccessMiddleware.cookieName, value: token, path: "/", secure: core.secureCookies, httpOnly: true,
                sameSite: .strict))
        return response
    }

    private var expiredCookie: Cookie {
        Cookie(name: AccessMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: core.secureCookies, httpOnly: true, sameSite: .strict)
    }
}
