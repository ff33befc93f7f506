import FundWatchCore

/// One line of the audit log (append-only): who did what, when, from where, and how it ended.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: Int64
    public var actor: String
    /// `login`, `logout`, `upload`, `review`, `download`, `user.add`, `token.new`…
    public var action: String
    /// `ok`, `failed`, `rejected`, `refused`…
    public var outcome: String
    public var detail: String
    public var address: String

    public init(id: Int64 = 0, at: Int64, actor: String, action: String, outcome: String, detail: String, address: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.outcome = outcome
        self.detail = detail
        self.address = address
    }
}
