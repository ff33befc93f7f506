import FundWatchCore
import FundWatchStore

/// The portal's review states of a store, for table 6's 审核状态 column. Present only when
/// the store has review events (a store used without the portal reports as before).
public struct ReviewBook: Sendable {
    /// Every county and month with review events.
    public var statuses: [ReviewStatus.Key: ReviewStatus]
    /// The versions a report may choose from are the approved ones only.
    public var approvedOnly: Bool

    /// The book of `store`, or nil when it keeps no review events (or no portal tables).
    public static func of(_ store: any SubmissionStore, approvedOnly: Bool) async throws(StoreError) -> ReviewBook? {
        guard let tables = store as? any ReturnsDatabase else { return nil }
        let events = try await tables.returns.reviewEvents(county: nil, period: nil)
        guard !events.isEmpty else { return nil }
        return ReviewBook(statuses: ReviewStatus.all(events), approvedOnly: approvedOnly)
    }

    /// Per county code: the review state of the version chosen for it.
    ///
    /// - 待审核 / 已审核 / 已退回: the month's latest review event, when it is about the
    ///   chosen version (same stored id).
    /// - 未送审: the chosen version is not the one under review (imported from the command
    ///   line, say, or no event at all).
    /// - With approved versions only, a month whose newer version is under review reads
    ///   已审核(更正版待审核) or 已审核(更正版已退回): the report uses the approved one.
    public func labels(for choices: [CountyChoice<Int64>]) -> [String: String] {
        var labels: [String: String] = [:]
        for choice in choices {
            guard let chosen = choice.chosen else { continue }
            let status = statuses[ReviewStatus.Key(countyCode: choice.countyCode, period: chosen.period)]
            labels[choice.countyCode] = Self.label(of: chosen.payload, in: status, approvedOnly: approvedOnly)
        }
        return labels
    }

    /// The label of stored version `id` in its month's `status` (see ``labels(for:)``).
    public static func label(of id: Int64, in status: ReviewStatus?, approvedOnly: Bool) -> String {
        guard let status, let last = status.events.last else { return "未送审" }
        if let state = status.state(ofVersion: id) { return state.label }
        if approvedOnly, status.events.contains(where: { $0.state == .approved && $0.submissionID == id }) {
            return "\(ReviewState.approved.label)(更正版\(last.state.label))"
        }
        return "未送审"
    }
}
