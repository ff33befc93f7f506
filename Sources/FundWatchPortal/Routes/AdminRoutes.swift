import FundWatchCore
import FundWatchReturns
import FundWatchReturnsStore
import Hummingbird

/// The administrator's pages: users (add, disable) and the audit log.
struct AdminRoutes: Sendable {
    let core: PortalCore

    func add(to router: Router<PortalContext>) {
        router.get("/admin/users") { _, context in try await usersPage(try context.require(.admin), message: nil) }
        router.post("/admin/users") { request, context in
            let identity = try context.require(.admin)
            let form = try await FormFields.read(request, limit: 64 * 1_024)
            try Forms.checkCSRF(form, identity)
            guard let role = UserRole(rawValue: form["role"]) else { throw HTTPError(.badRequest, message: "unknown role") }
            do {
                try await core.returns.users.add(
                    name: form["name"], role: role, county: form["county"], password: form["password"],
                    actor: identity.user.name, address: context.address)
            } catch let refusal as Refusal {
                return try await usersPage(identity, message: refusal.message, status: ErrorMiddleware.status(of: refusal.kind))
            }
            return PageResponse.redirect("/admin/users")
        }
        router.post("/admin/users/:id/disable") { request, context in
            let identity = try context.require(.admin)
            let form = try await FormFields.read(request, limit: 64 * 1_024)
            try Forms.checkCSRF(form, identity)
            guard let id = context.parameters.get("id").flatMap(Int64.init), let user = try await core.returns.users.user(id: id) else {
                throw HTTPError(.notFound, message: "没有这个用户 (no such user)")
            }
            try await core.returns.users.disable(user, actor: identity.user.name, address: context.address)
            return PageResponse.redirect("/admin/users")
        }
        router.get("/admin/audit") { request, context in
            let identity = try context.require(.admin)
            let sinceText = request.uri.queryParameters["since"].map(String.init) ?? ""
            let since = try DateParameter.day(sinceText, name: "since") ?? core.today.adding(days: -7)
            let entries = try await core.returns.auditEntries(since: Int64(since.ordinal) * 86_400 - 8 * 3_600, limit: 2_000)
            let page = AdminAuditPage(
                since: since.description,
                entries: entries.reversed().map {
                    AdminAuditPage.Entry(
                        at: CountyRoutes.time($0.at), actor: $0.actor, action: $0.action, outcome: $0.outcome, detail: Self.adminDetail($0),
                        address: $0.address)
                })
            return PageResponse.html(core.page("admin-audit", title: "审计日志", for: identity, page))
        }
    }

    /// What an administrator, who sees no county data, reads of an audit line: the detail
    /// of logins, users and tokens; of uploads, reviews, downloads and draws only that they
    /// happened (the full line is in `fundwatch audit`, for whoever holds the store).
    static func adminDetail(_ entry: AuditEntry) -> String {
        let own = ["login", "logout", "user.", "token."]
        return own.contains { entry.action == $0 || ($0.hasSuffix(".") && entry.action.hasPrefix($0)) } ? entry.detail : "(县区数据,管理员不可见)"
    }

    private func usersPage(_ identity: Identity, message: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let users = try await core.returns.users.users()
        let page = AdminUsersPage(
            message: message,
            users: users.map {
                AdminUsersPage.User(id: Int($0.id), name: $0.name, roleLabel: $0.role.label, countyCode: $0.countyCode ?? "", disabled: $0.disabled)
            })
        return PageResponse.html(core.page("admin-users", title: "用户管理", for: identity, page), status: status)
    }
}
