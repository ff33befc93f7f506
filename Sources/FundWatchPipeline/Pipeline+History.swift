import FundWatchCore
import FundWatchStore

/// One stored version as `history` lists it.
public struct HistoryEntry: Sendable {
    public var version: StoredVersion
    /// Its number among the versions of its county and period (1 for the first import).
    public var number: Int
    /// Whether reports use it: the later `submitted_on`, a tie going to the later import.
    public var isUsed: Bool
}

extension Pipeline {
    /// Every stored version, optionally of one county and one period, sorted by county,
    /// period and import order.
    public func history(_ store: any SubmissionStore, county: String? = nil, period: YearMonth? = nil) async throws(PipelineError) -> [HistoryEntry] {
        let versions: [StoredVersion]
        do { versions = try await store.versions(county: county, period: period) } catch { throw PipelineError(error) }
        var used = Set<Int64>()
        for group in Dictionary(grouping: versions, by: { "\($0.countyCode)/\($0.period)" }).values {
            if let latest = try? latestVersion(of: group.map(\.version), tieRule: .laterImportWins) { used.insert(latest.payload) }
        }
        var numbers: [String: Int] = [:]
        return versions.sorted { ($0.countyCode, $0.period, $0.id) < ($1.countyCode, $1.period, $1.id) }.map { v in
            let key = "\(v.countyCode)/\(v.period)"
            numbers[key, default: 0] += 1
            return HistoryEntry(version: v, number: numbers[key]!, isUsed: used.contains(v.id))
        }
    }
}
