/// One version of a county's submission that a report may use, with what is needed to
/// choose among versions. `Payload` is the submission itself, or a handle to load it.
public struct SubmissionCandidate<Payload: Sendable>: Sendable {
    public var countyCode: String
    public var countyName: String
    public var period: YearMonth
    public var submittedOn: Day
    /// Content digest: equal digests mean equal registers.
    public var digest: String
    /// Where it came from, for messages: a file path, or a store's import.
    public var origin: String
    /// Order of arrival: argument order for files, import order in a store.
    public var sequence: Int
    public var payload: Payload

    public init(countyCode: String, countyName: String, period: YearMonth, submittedOn: Day,
                digest: String, origin: String, sequence: Int, payload: Payload) {
        self.countyCode = countyCode
        self.countyName = countyName
        self.period = period
        self.submittedOn = submittedOn
        self.digest = digest
        self.origin = origin
        self.sequence = sequence
        self.payload = payload
    }
}

/// Whether a county's report uses a return for the report month.
public enum CountyStatus: String, Sendable, CaseIterable {
    /// A submission for the month `to` exists.
    case ok
    /// None for `to`; the latest earlier one is used.
    case stale
    /// None for `to` or before.
    case missing

    public var label: String {
        switch self {
        case .ok: "正常"
        case .stale: "沿用旧数据"
        case .missing: "未报送"
        }
    }
}

/// The submission a report uses for one county.
public struct CountyChoice<Payload: Sendable>: Sendable {
    public var countyCode: String
    public var countyName: String
    public var status: CountyStatus
    /// Nil when `missing`.
    public var chosen: SubmissionCandidate<Payload>?
}

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

/// Chooses each county's submission for a report whose window ends at `month`.
///
/// For each county: the latest version (later `submitted_on`) for `month` → `ok`; otherwise
/// the latest version of its latest earlier period → `stale`; otherwise → `missing`.
/// Versions for months after `month` are never used. Counties come back sorted by code.
public func chooseSubmissions<Payload>(
    _ candidates: [SubmissionCandidate<Payload>], for month: YearMonth, tieRule: VersionTieRule
) throws(VersionConflict) -> [CountyChoice<Payload>] {
    let byCounty = Dictionary(grouping: candidates, by: \.countyCode)
    var choices: [CountyChoice<Payload>] = []
    for code in byCounty.keys.sorted() {
        let versions = byCounty[code]!
        let usable = versions.filter { $0.period <= month }
        guard let period = usable.map(\.period).max() else {
            let newest = versions.max { $0.sequence < $1.sequence }!
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
    of versions: [SubmissionCandidate<Payload>], tieRule: VersionTieRule
) throws(VersionConflict) -> SubmissionCandidate<Payload> {
    let newestDay = versions.map(\.submittedOn).max()!
    let tied = versions.filter { $0.submittedOn == newestDay }.sorted { $0.sequence < $1.sequence }
    let latest = tied.last!
    if tieRule == .refuseDifferentContents, let other = tied.first(where: { $0.digest != latest.digest }) {
        throw VersionConflict(countyCode: latest.countyCode, period: latest.period,
                              submittedOn: newestDay, origins: [other.origin, latest.origin])
    }
    return latest
}

extension SubmissionCandidate {
    /// The same version carrying another payload.
    public func replacingPayload<Other: Sendable>(with payload: Other) -> SubmissionCandidate<Other> {
        SubmissionCandidate<Other>(countyCode: countyCode, countyName: countyName, period: period, submittedOn: submittedOn,
                                   digest: digest, origin: origin, sequence: sequence, payload: payload)
    }
}

extension CountyChoice {
    /// The same choice with the chosen version's payload transformed.
    public func mapPayload<Other: Sendable>(_ transform: (Payload) throws -> Other) rethrows -> CountyChoice<Other> {
        CountyChoice<Other>(countyCode: countyCode, countyName: countyName, status: status,
                            chosen: try chosen.map { $0.replacingPayload(with: try transform($0.payload)) })
    }

    /// The same choice with its payload replaced (e.g. a stored version's id by its loaded registers).
    public func withPayload<Other: Sendable>(_ transform: (Payload) async throws -> Other) async rethrows -> CountyChoice<Other> {
        var candidate: SubmissionCandidate<Other>? = nil
        if let chosen { candidate = chosen.replacingPayload(with: try await transform(chosen.payload)) }
        return CountyChoice<Other>(countyCode: countyCode, countyName: countyName, status: status, chosen: candidate)
    }
}
