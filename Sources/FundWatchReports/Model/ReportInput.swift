import FundWatchCore

/// Everything a report is built from: each county's chosen version, summarised for the
/// window, and when the first version for each month arrived.
public struct ReportInput: Sendable {
    public var window: Window
    public var asOf: Day
    public var policy: Policy
    /// Per county: the version chosen (METRICS.md) and its summary.
    public var choices: [CountyChoice<CountySummary>]
    /// Per county code and month: the earliest `submitted_on` of its accepted versions.
    public var firstSubmitted: [String: [YearMonth: Day]]
    /// Per county code: the portal's review state of the chosen version (待审核, 已审核,
    /// 已退回, 未送审), when the store keeps review events; nil otherwise, and table 6 then
    /// has no 审核状态 column.
    public var reviewStates: [String: String]? = nil

    /// An input from a selection already summarised (by ``summarise(window:asOf:policy:)``).
    public init(window: Window, asOf: Day, policy: Policy, selection: Selection<CountySummary>) {
        self.window = window
        self.asOf = asOf
        self.policy = policy
        self.choices = selection.choices
        self.firstSubmitted = selection.firstSubmitted
    }

    /// An input from a selection of whole submissions, summarised here (counties in parallel).
    public init(window: Window, asOf: Day, policy: Policy, submissions selection: Selection<Submission>) {
        self.init(
            window: window, asOf: asOf, policy: policy,
            selection: selection.mapPayloads(Self.summarise(window: window, asOf: asOf, policy: policy)))
    }

    /// The summary a report over `window` made on `asOf` needs from one submission: give it
    /// to the reader so each submission is summarised as soon as it is read.
    public static func summarise(window: Window, asOf: Day, policy: Policy) -> @Sendable (Submission) -> CountySummary {
        { CountySummary(submission: $0, window: window, asOf: asOf, policy: policy) }
    }

    /// Per county code: the earliest `submitted_on` for the report month `window.to`.
    public var firstSubmittedOn: [String: Day] { firstSubmitted.compactMapValues { $0[window.to] } }

    /// How a county's return for `month` arrived, as of the report date.
    public func timeliness(county: String, month: YearMonth) -> Timeliness {
        Timeliness(firstSubmittedOn: firstSubmitted[county]?[month], month: month, policy: policy, asOf: asOf)
    }
}
