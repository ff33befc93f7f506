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
        choices.append(CountyChoice(countyCode: code, countyName: chosen.countyName,
                                    status: period == month ? .ok : .stale, chosen: chosen))
    }
    return choices
}

/// The latest of several versions of one county and period.
public func latestVersion<Payload>(
    of versions: [SubmissionVersion<Payload>], tieRule: VersionTieRule
) throws(VersionConflict) -> SubmissionVersion<Payload> {
    let newestDay = versions.map(\.submittedOn).max()!
    let tied = versions.filter { $0.submittedOn == newestDay }.sorted { $0.sequence < $1.sequence }
    let latest = tied.last!
    if tieRule == .refuseDifferentContents, let other = tied.first(where: { $0.digest != latest.digest }) {
        throw VersionConflict(countyCode: latest.countyCode, period: latest.period,
                              submittedOn: newestDay, origins: [other.origin, latest.origin])
    }
    return latest
}
