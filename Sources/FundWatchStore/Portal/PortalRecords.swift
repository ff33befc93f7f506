import FundWatchCore

/// What a portal user may do: a county clerk (填报员) works on one county's returns, a city
/// statistician (统计员) on every county's, an administrator on users and the audit log.
public enum UserRole: String, Sendable, CaseIterable, Codable {
    case county, city, admin

    /// The Chinese label pages show.
    public var label: String {
        switch self {
        case .county: "县区填报员"
        case .city: "市局统计员"
        case .admin: "系统管理员"
        }
    }
}

/// A portal user as stored (the password only as its bcrypt hash).
public struct PortalUser: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var role: UserRole
    /// The county a clerk is bound to (nil for city and admin users).
    public var countyCode: String?
    public var passwordHash: String
    public var disabled: Bool
    public var createdAt: Int64
}

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

/// The review state of a county's return for a month.
public enum ReviewState: String, Sendable, CaseIterable, Codable {
    /// 待审核: received, waiting for the city.
    case received
    /// 已审核: approved by the city; the month is locked.
    case approved
    /// 已退回: returned to the county with a reason.
    case returned

    public var label: String {
        switch self {
        case .received: "待审核"
        case .approved: "已审核"
        case .returned: "已退回"
        }
    }
}

/// One step in the review history of a county and month (append-only; `sequence` counts
/// from 1 per county and month, so two reviewers acting at once cannot both win).
public struct ReviewEvent: Sendable, Hashable {
    public var countyCode: String
    public var period: YearMonth
    public var sequence: Int64
    public var state: ReviewState
    /// The stored version the step is about (the upload that made it 待审核, the version approved).
    public var submissionID: Int64?
    /// A return's reason, or a correction's explanation (更正说明); empty otherwise.
    public var reason: String
    public var actor: String
    public var at: Int64

    public init(countyCode: String, period: YearMonth, sequence: Int64, state: ReviewState, submissionID: Int64?, reason: String,
                actor: String, at: Int64) {
        self.countyCode = countyCode
        self.period = period
        self.sequence = sequence
        self.state = state
        self.submissionID = submissionID
        self.reason = reason
        self.actor = actor
        self.at = at
    }
}

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

/// One upload attempt through the portal, accepted or rejected, with its findings (JSON), so
/// a county sees what every attempt answered.
public struct UploadRecord: Sendable, Hashable {
    public var id: Int64
    public var at: Int64
    public var actor: String
    public var countyCode: String?
    public var period: YearMonth?
    public var fileName: String
    /// `new`, `new_version`, `unchanged` or `rejected`.
    public var outcome: String
    public var digest: String?
    public var submissionID: Int64?
    /// Uploaded by the city on the county's behalf (代报).
    public var onBehalf: Bool
    /// The 更正说明 of an upload to an approved month, or empty.
    public var note: String
    /// The findings as the API's JSON array.
    public var findingsJSON: String

    public init(id: Int64 = 0, at: Int64, actor: String, countyCode: String?, period: YearMonth?, fileName: String, outcome: String,
                digest: String?, submissionID: Int64?, onBehalf: Bool, note: String, findingsJSON: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.countyCode = countyCode
        self.period = period
        self.fileName = fileName
        self.outcome = outcome
        self.digest = digest
        self.submissionID = submissionID
        self.onBehalf = onBehalf
        self.note = note
        self.findingsJSON = findingsJSON
    }
}

/// A 双随机 draw the city ran in the portal, kept as its plan's XML.
public struct StoredDraw: Sendable, Hashable {
    public var id: Int64
    public var period: YearMonth
    public var seed: String
    public var inputsDigest: String
    public var planXML: String
    public var createdAt: Int64
    public var actor: String
    /// When the city published it (counties see it from then on); nil while a draft.
    public var publishedAt: Int64?
    public var publishedBy: String?

    public init(id: Int64, period: YearMonth, seed: String, inputsDigest: String, planXML: String, createdAt: Int64, actor: String,
                publishedAt: Int64?, publishedBy: String?) {
        self.id = id
        self.period = period
        self.seed = seed
        self.inputsDigest = inputsDigest
        self.planXML = planXML
        self.createdAt = createdAt
        self.actor = actor
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
    }
}
