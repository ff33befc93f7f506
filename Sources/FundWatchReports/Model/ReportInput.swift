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

    /// An input from summaries already made (by ``summarise(window:asOf:policy:)``).
    public init(window: Window, asOf: Day, policy: Policy, summaries: [CountyChoice<CountySummary>],
                firstSubmitted: [String: [YearMonth: Day]]) {
        self.window = window
        self.asOf = asOf
        self.policy = policy
        self.choices = summaries
        self.firstSubmitted = firstSubmitted
    }

    /// An input from chosen submissions, summarised here (counties in parallel).
    public init(window: Window, asOf: Day, policy: Policy, choices: [CountyChoice<Submission>],
                firstSubmitted: [String: [YearMonth: Day]]) {
        let summarise = Self.summarise(window: window, asOf: asOf, policy: policy)
        self.init(window: window, asOf: asOf, policy: policy,
                  summaries: choices.parallelMap { choice in choice.mapPayload(summarise) },
                  firstSubmitted: firstSubmitted)
    }

    /// Chooses from candidate versions (files or a store) per METRICS.md, then summarises.
    public init(candidates: [SubmissionCandidate<Submission>], window: Window, asOf: Day, policy: Policy,
                tieRule: VersionTieRule) throws(VersionConflict) {
        let choices = try chooseSubmissions(candidates, for: window.to, tieRule: tieRule)
        self.init(window: window, asOf: asOf, policy: policy, choices: choices, firstSubmitted: Self.firstSubmitted(candidates))
    }

    /// Chooses from candidate versions already summarised when they were read.
    public init(summarised candidates: [SubmissionCandidate<CountySummary>], window: Window, asOf: Day, policy: Policy,
                tieRule: VersionTieRule) throws(VersionConflict) {
        let choices = try chooseSubmissions(candidates, for: window.to, tieRule: tieRule)
        self.init(window: window, asOf: asOf, policy: policy, summaries: choices, firstSubmitted: Self.firstSubmitted(candidates))
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

    /// Per county and month, the earliest `submitted_on` among candidate versions.
    public static func firstSubmitted<Payload>(_ candidates: [SubmissionCandidate<Payload>]) -> [String: [YearMonth: Day]] {
        var first: [String: [YearMonth: Day]] = [:]
        for c in candidates {
            first[c.countyCode, default: [:]][c.period] = min(first[c.countyCode]?[c.period] ?? c.submittedOn, c.submittedOn)
        }
        return first
    }
}
