import FundWatchCore

/// Everything a report is built from: each county's chosen submission, and when the
/// first version for the report month arrived.
public struct ReportInput: Sendable {
    public var window: Window
    public var asOf: Day
    public var policy: Policy
    public var choices: [CountyChoice<Submission>]
    /// Per county code and month: the earliest `submitted_on` of its accepted versions.
    public var firstSubmitted: [String: [YearMonth: Day]]

    public init(window: Window, asOf: Day, policy: Policy, choices: [CountyChoice<Submission>], firstSubmitted: [String: [YearMonth: Day]]) {
        self.window = window
        self.asOf = asOf
        self.policy = policy
        self.choices = choices
        self.firstSubmitted = firstSubmitted
    }

    /// Per county code: the earliest `submitted_on` for the report month `window.to`.
    public var firstSubmittedOn: [String: Day] { firstSubmitted.compactMapValues { $0[window.to] } }

    /// How a county's return for `month` arrived, as of the report date.
    public func timeliness(county: String, month: YearMonth) -> Timeliness {
        Timeliness(firstSubmittedOn: firstSubmitted[county]?[month], month: month, policy: policy, asOf: asOf)
    }

    /// Chooses from candidate versions (files or a store) per METRICS.md.
    public init(candidates: [SubmissionCandidate<Submission>], window: Window, asOf: Day, policy: Policy,
                tieRule: VersionTieRule) throws(VersionConflict) {
        let choices = try chooseSubmissions(candidates, for: window.to, tieRule: tieRule)
        self.init(window: window, asOf: asOf, policy: policy, choices: choices, firstSubmitted: Self.firstSubmitted(candidates))
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
