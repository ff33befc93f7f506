import FundWatchCore

/// Everything a report is built from: each county's chosen submission, and when the
/// first version for the report month arrived.
public struct ReportInput: Sendable {
    public var window: Window
    public var asOf: Day
    public var policy: Policy
    public var choices: [CountyChoice<Submission>]
    /// Per county code: the earliest `submitted_on` of its accepted versions for `window.to`.
    public var firstSubmittedOn: [String: Day]

    public init(window: Window, asOf: Day, policy: Policy, choices: [CountyChoice<Submission>], firstSubmittedOn: [String: Day]) {
        self.window = window
        self.asOf = asOf
        self.policy = policy
        self.choices = choices
        self.firstSubmittedOn = firstSubmittedOn
    }

    /// Chooses from candidate versions (files or a store) per METRICS.md.
    public init(candidates: [SubmissionCandidate<Submission>], window: Window, asOf: Day, policy: Policy,
                tieRule: VersionTieRule) throws(VersionConflict) {
        let choices = try chooseSubmissions(candidates, for: window.to, tieRule: tieRule)
        var first: [String: Day] = [:]
        for candidate in candidates where candidate.period == window.to {
            first[candidate.countyCode] = min(first[candidate.countyCode] ?? candidate.submittedOn, candidate.submittedOn)
        }
        self.init(window: window, asOf: asOf, policy: policy, choices: choices, firstSubmittedOn: first)
    }
}
