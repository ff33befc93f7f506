import FundWatchCore
import FundWatchInput
import FundWatchPlausibility
import FundWatchStore

extension Pipeline {
    /// The 核实性审核 of one return: its plausibility findings against the county's earlier
    /// months, each month's current version chosen by the one rule among `together` (returns
    /// read with it) and, when given, the store's versions (read with it it wins a tie).
    /// `cityAmounts` are the case amounts a county with few cases of its own is compared with.
    func plausibility(
        of profile: ReturnProfile, file: String, together: [SubmissionVersion<ReturnProfile>], store: (any SubmissionStore)?,
        cityAmounts: [Money]
    ) async throws(PipelineError) -> [Finding] {
        let months = settings.plausibility.historyMonths
        let window = (1...months).compactMap { back -> YearMonth? in
            var m = profile.period
            for _ in 0..<back { m = m.previous }
            return m
        }
        var candidates: [YearMonth: [SubmissionVersion<HistorySource>]] = [:]
        if let store {
            let stored: [StoredVersion]
            do { stored = try await store.versions(county: profile.countyCode, period: nil) } catch { throw PipelineError(error) }
            for v in stored where window.contains(v.period) {
                candidates[v.period, default: []].append(v.version.replacingPayload(with: .stored(v.id)))
            }
        }
        let offset = (candidates.values.flatMap { $0 }.map(\.sequence).max() ?? 0) + 1
        for v in together where v.countyCode == profile.countyCode && window.contains(v.period) {
            var candidate = v.replacingPayload(with: HistorySource.read(v.payload))
            candidate.sequence += offset
            candidates[v.period, default: []].append(candidate)
        }
        var history: [ReturnProfile] = []
        for (_, versions) in candidates {
            guard let current = currentVersion(of: versions) else { continue }
            switch current.payload {
            case .read(let p): history.append(p)
            case .stored(let id):
                do { history.append(ReturnProfile(try await store!.load(id, caseTexts: false))) } catch { throw PipelineError(error) }
            }
        }
        return Plausibility(settings: settings.plausibility).check(profile, file: file, history: history, cityAmounts: cityAmounts)
    }

    /// The case amounts of a batch's returns, for counties with few cases of their own: each
    /// county's latest current return, each case once.
    static func cityAmounts(_ versions: [SubmissionVersion<ReturnProfile>]) -> [Money] {
        var latest: [String: SubmissionVersion<ReturnProfile>] = [:]
        for v in versions {
            if let seen = latest[v.countyCode], (seen.period, seen.submittedOn, seen.sequence) >= (v.period, v.submittedOn, v.sequence) { continue }
            latest[v.countyCode] = v
        }
        return latest.keys.sorted().flatMap { latest[$0]!.payload.caseAmounts }
    }
}

/// Where an earlier month's return comes from: read with the return checked, or stored.
private enum HistorySource: Sendable {
    case read(ReturnProfile)
    case stored(Int64)
}
