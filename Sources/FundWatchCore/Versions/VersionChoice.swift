/// How to break a tie between versions with the same `submitted_on`.
public enum VersionTieRule: Sendable {
    /// Files given together: different contents with the same date are an error.
    case refuseDifferentContents
    /// A store: the later import wins.
    case laterImportWins
}

/// Two different versions of one county and period carry the same `submitted_on`.
public struct VersionConflict: Error, Sendable, CustomStringConvertible {
    public var countyCode: String
    public var period: YearMonth
    public var submittedOn: Day
    public var origins: [String]

    public var description: String {
        "county \(countyCode) period \(period): \(origins.joined(separator: " and ")) both have submitted_on \(submittedOn) "
            + "but different contents; remove one or correct its submitted_on "
            + "(同一县区同一期间的两个版本报送日期相同但内容不同)"
    }
}

/// Chooses each county's version for a report whose window ends at `month`.
///
/// For each county: the latest version (later `submitted_on`) for `month` → `ok`; otherwise
/// the latest version of its latest earlier period → `stale`; otherwise → `missing`.
/// Versions for months after `month` are never used. Counties come back sorted by code.
public func chooseVersions<Payload>(
    _ versions: [SubmissionVersion<Payload>], for month: YearMonth, tieRule: VersionTieRule
) throws(VersionConflict) -> [CountyChoice<Payload>] {
    let byCounty = Dictionary(grouping: versions, by: \.countyCode)
    var choices: [CountyChoice<Payload>] = []
    for code in byCounty.keys.sorted() {
        let all = byCounty[code]!
        let usable = all.filter { $0.period <= month }
        guard let period = usable.map(\.period).max() else {
            let newest = all.max { $0.sequence < $1.sequence }!
            choices.append(CountyChoice(countyCode: code, countyName: newest.countyName, status: .missing, chosen: nil))
            continue
        }
        let chosen = try latestVersion(of: usable.filter { $0.period == period }, tieRule: tieRule)
        choices.append(
            CountyChoice(
                countyCode: code, countyName: chosen.countyName,
                status: period == month ? .ok : .stale, chosen: chosen))
    }
    return choices
}

/// The latest of several versions of one county and period (see ``isNewer(_:than:)``); with
/// `.refuseDifferentContents`, two different contents tied on the latest `submitted_on` are a conflict.
public func latestVersion<Payload>(
    of versions: [SubmissionVersion<Payload>], tieRule: VersionTieRule
) throws(VersionConflict) -> SubmissionVersion<Payload> {
    let latest = currentVersion(of: versions)!
    if tieRule == .refuseDifferentContents,
        let other = versions.sorted(by: { $0.sequence < $1.sequence })
            .first(where: { $0.submittedOn == latest.submittedOn && $0.digest != latest.digest })
    {
        throw VersionConflict(
            countyCode: latest.countyCode, period: latest.period,
            submittedOn: latest.submittedOn, origins: [other.origin, latest.origin])
    }
    return latest
}

/// The current version of one county and period: the one with the latest `submitted_on`,
/// and of those the last to arrive. This is the only rule: reports, the review, the
/// portal's pages and the API all ask it. Nil when there is none.
public func currentVersion<Payload>(of versions: [SubmissionVersion<Payload>]) -> SubmissionVersion<Payload>? {
    versions.max { isNewer($1, than: $0) }
}

/// Whether `version` would be current over `other` (its `submitted_on` later, or the same
/// day and it arrived later).
public func isNewer<A, B>(_ version: SubmissionVersion<A>, than other: SubmissionVersion<B>) -> Bool {
    (version.submittedOn, version.sequence) > (other.submittedOn, other.sequence)
}
