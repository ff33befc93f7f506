import FundWatchCore

/// Where a county's return for a month stands, from its review events (the last one wins).
public struct ReviewStatus: Sendable, Equatable {
    public var countyCode: String
    public var period: YearMonth
    /// nil: nothing received through the portal or reviewed yet.
    public var state: ReviewState?
    /// The reason of the latest return (shown to the county until it re-sends).
    public var returnReason: String?
    /// The version the city approved last, if any.
    public var approvedSubmissionID: Int64?
    /// The sequence the next event must take.
    public var nextSequence: Int64
    public var events: [ReviewEvent]

    /// The status from the events of one county and month, oldest first.
    public init(countyCode: String, period: YearMonth, events: [ReviewEvent]) {
        self.countyCode = countyCode
        self.period = period
        self.events = events
        state = events.last?.state
        returnReason = events.last.flatMap { $0.state == .returned ? $0.reason : nil }
        approvedSubmissionID = events.last { $0.state == .approved }?.submissionID
        nextSequence = (events.last?.sequence ?? 0) + 1
    }

    /// The review state of stored version `id` (the month's current one, for every page,
    /// report and answer): the month's last event when it is about that version; nil
    /// (未送审) when the last event is about another version — one imported from the command
    /// line after it, say — or there is none.
    public func state(ofVersion id: Int64) -> ReviewState? {
        guard let last = events.last, last.submissionID == id else { return nil }
        return last.state
    }

    /// The label of ``state(ofVersion:)``: 待审核, 已审核, 已退回 or 未送审.
    public func label(ofVersion id: Int64) -> String { state(ofVersion: id)?.label ?? "未送审" }

    /// `received`, `approved`, `returned` or `none` for ``state(ofVersion:)``.
    public func code(ofVersion id: Int64) -> String { state(ofVersion: id)?.rawValue ?? "none" }

    /// Whether the month is locked: approved, so a new version needs a correction note.
    public var isLocked: Bool { state == .approved }

    /// The label shown for the state, or 未送审 when there is none.
    public var label: String { state?.label ?? "未送审" }

    /// `received`, `approved`, `returned` or `none`.
    public var code: String { state?.rawValue ?? "none" }

    /// Statuses of every county and month in `events`.
    public static func all(_ events: [ReviewEvent]) -> [Key: ReviewStatus] {
        var grouped: [Key: [ReviewEvent]] = [:]
        for e in events { grouped[Key(countyCode: e.countyCode, period: e.period), default: []].append(e) }
        return grouped.reduce(into: [:]) { out, item in
            out[item.key] = ReviewStatus(countyCode: item.key.countyCode, period: item.key.period, events: item.value)
        }
    }

    /// A county and month.
    public struct Key: Hashable, Sendable {
        public var countyCode: String
        public var period: YearMonth

        public init(countyCode: String, period: YearMonth) {
            self.countyCode = countyCode
            self.period = period
        }
    }
}
