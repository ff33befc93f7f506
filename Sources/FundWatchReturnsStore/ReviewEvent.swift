import FundWatchCore

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

    public init(
        countyCode: String, period: YearMonth, sequence: Int64, state: ReviewState, submissionID: Int64?, reason: String,
        actor: String, at: Int64
    ) {
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
