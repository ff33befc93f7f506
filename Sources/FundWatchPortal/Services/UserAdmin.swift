import FundWatchCore
import FundWatchStore
import FundWatchReturnsStore

/// Adding and changing users, for the admin pages and `fundwatch user`: the checks and the
/// audit lines are the same from both front doors.
public struct UserAdmin: Sendable {
    public let core: PortalCore

    public init(core: PortalCore) { self.core = core }

    /// Why a new user cannot be made, in words for the person adding it.
    public struct Refused: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Adds a user. A county clerk needs a 6-digit division code (no return need exist yet);
    /// city and admin users have none.
    @discardableResult
    public func add(name: String, role: UserRole, county: String?, password: String, actor: String, address: String) async throws -> PortalUser {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 64, !name.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw Refused(description: "用户名不能为空、不能含空格,最长 64 个字符 (a name of 1–64 characters without spaces)")
        }
        let county = county?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        switch role {
        case .county:
            guard let county, CountyCode(county) != nil else {
                throw Refused(description: "县区填报员须指定 6 位县区代码 (a county clerk needs a 6-digit county code)")
            }
        case .city, .admin:
            guard county == nil else { throw Refused(description: "只有县区填报员绑定县区 (only county clerks have a county)") }
        }
        if let problem = Passwords.problem(password) { throw Refused(description: problem) }
        let hash = await core.passwords.hash(password)
        let user: PortalUser
        do throws(StoreError) {
            user = try await core.store.returns.addUser(name: name, role: role, countyCode: county, passwordHash: hash, at: core.now())
        } catch {
            guard error.kind == .conflict else { throw error }
            throw Refused(description: "用户名 \(name) 已存在 (the name is taken)")
        }
        try await core.audit(actor, "user.add", "ok", "\(name) \(role.rawValue) \(county ?? "")", address: address)
        return user
    }

    public func user(_ name: String) async throws -> PortalUser {
        guard let user = try await core.store.returns.user(named: name) else { throw Refused(description: "没有用户 \(name) (no such user)") }
        return user
    }

    /// Disables a user: their sessions end and their tokens stop working at once.
    public func disable(_ user: PortalUser, actor: String, address: String) async throws {
        try await core.store.returns.setDisabled(user.id, true, at: core.now())
        try await core.audit(actor, "user.disable", "ok", user.name, address: address)
    }

    /// Sets a new password, ends the user's sessions and revokes the user's API tokens.
    public func resetPassword(_ user: PortalUser, to password: String, actor: String, address: String) async throws {
        if let problem = Passwords.problem(password) { throw Refused(description: problem) }
        let now = core.now()
        try await core.store.returns.setPassword(user.id, hash: await core.passwords.hash(password), at: now,
                                                audit: AuditEntry(at: now, actor: actor, action: "user.reset-password", outcome: "ok",
                                                                  detail: "\(user.name) (sessions ended, tokens revoked)", address: address))
    }

    /// A new API token for `user` (shown once; only its hash is stored).
    public func newToken(_ user: PortalUser, actor: String, address: String) async throws -> String {
        guard !user.disabled else { throw Refused(description: "用户 \(user.name) 已停用 (the user is disabled)") }
        let token = "fwt_" + Secrets.token()
        try await core.store.returns.addToken(userID: user.id, tokenHash: Secrets.hash(token), at: core.now())
        try await core.audit(actor, "token.new", "ok", user.name, address: address)
        return token
    }

    /// Revokes every token of `user`; returns how many were live.
    public func revokeTokens(_ user: PortalUser, actor: String, address: String) async throws -> Int {
        let count = try await core.store.returns.revokeTokens(of: user.id, at: core.now())
        try await core.audit(actor, "token.revoke", "ok", "\(user.name) \(count)", address: address)
        return count
    }

    /// A password for a demo user.
    public static func generatedPassword() -> String { Secrets.password() }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
