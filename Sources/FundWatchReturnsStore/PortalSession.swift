import FundWatchCore

/// A login session as stored: only the SHA-256 of its cookie token is kept.
public struct PortalSession: Sendable, Hashable {
    public var tokenHash: String
    public var userID: Int64
    /// The token forms must carry (CSRF), random per session.
    public var csrf: String
    public var createdAt: Int64
    public var lastSeen: Int64
    public var address: String

    public init(tokenHash: String, userID: Int64, csrf: String, createdAt: Int64, lastSeen: Int64, address: String) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrf = csrf
        self.createdAt = createdAt
        self.lastSeen = lastSeen
        self.address = address
    }
}
