/// Every county's version for a report month, and when each month's first version arrived
/// (see ``SubmissionVersion`` for the names).
public struct Selection<Payload: Sendable>: Sendable {
    /// Per county, sorted by code.
    public var choices: [CountyChoice<Payload>]
    /// Per county code and month: the earliest `submitted_on` of its accepted versions.
    public var firstSubmitted: [String: [YearMonth: Day]]

    public init(choices: [CountyChoice<Payload>], firstSubmitted: [String: [YearMonth: Day]]) {
        self.choices = choices
        self.firstSubmitted = firstSubmitted
    }

    /// Chooses among `versions` for `month` (``chooseVersions(_:for:tieRule:)``).
    public init(_ versions: [SubmissionVersion<Payload>], for month: YearMonth, tieRule: VersionTieRule) throws(VersionConflict) {
        self.init(choices: try chooseVersions(versions, for: month, tieRule: tieRule), firstSubmitted: Self.firstSubmitted(versions))
    }

    /// The same selection with each chosen payload transformed, counties in parallel.
    public func mapPayloads<Other: Sendable>(_ transform: @Sendable (Payload) -> Other) -> Selection<Other> {
        Selection<Other>(choices: choices.parallelMap { $0.mapPayload(transform) }, firstSubmitted: firstSubmitted)
    }

    /// Per county and month, the earliest `submitted_on` among versions.
    public static func firstSubmitted<P>(_ versions: [SubmissionVersion<P>]) -> [String: [YearMonth: Day]] {
        var first: [String: [YearMonth: Day]] = [:]
        for v in versions {
            first[v.countyCode, default: [:]][v.period] = min(first[v.countyCode]?[v.period] ?? v.submittedOn, v.submittedOn)
        }
        return first
    }
}
