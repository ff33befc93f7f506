import Foundation
import FundWatchCore
import FundWatchReturnsStore
import FundWatchStore

/// Adding and changing users, for the admin pages and `fundwatch user`: the checks and the
/// audit lines are the same from both front doors.
public struct UserAdmin: Sendable {
    let cycle: ReturnCycle

    /// Adds a user. A county clerk needs a 6-digit division code (no return need exist yet);
    /// city and admin users have none.
    @discardableResult
    public func add(name: String, role: UserRole, county: String?, password: String, actor: String, address: String) async throws -> PortalUser {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 64, !name.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw Refusal(.invalid, "用户名不能为空、不能含空格,最长 64 个字符 (a name of 1–64 characters without spaces)")
        }
        let county = county?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        switch role {
        case .county:
            guard let county, CountyCode(county) != nil else {
                throw Refusal(.invalid, "县区填报员须指定 6 位县区代码 (a county clerk needs a 6-digit county code)")
            }
        case .city, .admin:
            guard county == nil else { throw Refusal(.invalid, "只有县区填报员绑定县区 (only county clerks have a county)") }
        }
        if let problem = Passwords.problem(password) { throw Refusal(.invalid, problem) }
        let hash = await cycle.passwords.hash(password)
        let user: PortalUser
        do throws(StoreError) {
            user = try await cycle.tables.addUser(name: name, role: role, countyCode: county, passwordHash: hash, at: cycle.now())
        } catch {
            guard error.kind == .conflict else { throw error }
            throw Refusal(.invalid, "用户名 \(name) 已存在 (the name is taken)")
        }
        try await cycle.audit(actor, "user.add", "ok", "\(name) \(role.rawValue) \(county ?? "")", address: address)
        return user
    }

    /// Every user, by name.
    public func users() async throws(StoreError) -> [PortalUser] { try await cycle.tables.users() }

    /// The user with stored id `id`, or nil.
    public func user(id: Int64) async throws(StoreError) -> PortalUser? { try await cycle.tables.user(id: id) }

    public func user(_ name: String) async throws -> PortalUser {
        guard let user = try await cycle.tables.user(named: name) else { throw Refusal(.notFound, "没有用户 \(name) (no such user)") }
        return user
    }

    /// Disables a user: their sessions end and their tokens stop working at once.
    public func disable(_ user: PortalUser, actor: String, address: String) async throws {
        try await cycle.tables.setDisabled(user.id, true, at: cycle.now())
        try await cycle.audit(actor, "user.disable", "ok", user.name, address: address)
    }

    /// Sets a new password, ends the user's sessions and revokes the user's API tokens.
    public func resetPassword(_ user: PortalUser, to password: String, actor: String, address: String) async throws {
        if let problem = Passwords.problem(password) { throw Refusal(.invalid, problem) }
        let now = cycle.now()
        try await cycle.tables.setPassword(
            user.id, hash: await cycle.passwords.hash(password), at: now,
            audit: AuditEntry(
                at: now, actor: actor, action: "user.reset-password", outcome: "ok",
                detail: "\(user.name) (sessions ended, tokens revoked)", address: address))
    }

    /// A new API token for `user` (shown once; only its hash is stored).
    public func newToken(_ user: PortalUser, actor: String, address: String) async throws -> String {
        guard !user.disabled else { throw Refusal(.invalid, "用户 \(user.name) 已停用 (the user is disabled)") }
        let token = "fwt_" + Secrets.token()
        try await cycle.tables.addToken(userID: user.id, tokenHash: Secrets.hash(token), at: cycle.now())
        try await cycle.audit(actor, "token.new", "ok", user.name, address: address)
        return token
    }

    /// Revokes every token of `user`; returns how many were live.
    public func revokeTokens(_ user: PortalUser, actor: String, address: String) async throws -> Int {
        let count = try await cycle.tables.revokeTokens(of: user.id, at: cycle.now())
        try await cycle.audit(actor, "token.revoke", "ok", "\(user.name) \(count)", address: address)
        return count
    }

    /// A password for a demo user.
    public static func generatedPassword() -> String { Secrets.password() }
}
