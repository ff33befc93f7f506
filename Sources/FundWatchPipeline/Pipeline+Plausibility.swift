import FundWatchCore
import FundWatchInput
import FundWatchPlausibility
import FundWatchStore

extension Pipeline {
    /// The plausibility findings of one accepted return (an upload, read from `file`) against
    /// the county's earlier months in `store`: the checks `validate --db` and `import` run.
    public func plausibility(of outcome: ReadOutcome<Submission>, against store: any SubmissionStore) async throws(PipelineError) -> [Finding] {
        guard let submission = outcome.payload, let version = outcome.version(sequence: 0) else { return [] }
        let profile = ReturnProfile(submission)
        let together = [version.replacingPayload(with: profile)]
        return try await plausibility(
            of: profile, file: outcome.source.displayName, together: together, store: store, city: CityAmounts(together: together, store: store))
    }

    /// The 核实性审核 of one return: its plausibility findings against the county's earlier
    /// months, each month's current version chosen by the one rule among `together` (returns
    /// read with it) and, when given, the store's versions (read with it it wins a tie).
    /// `city` gives the case amounts a county with few cases of its own is compared with.
    func plausibility(
        of profile: ReturnProfile, file: String, together: [SubmissionVersion<ReturnProfile>], store: (any SubmissionStore)?,
        city: CityAmounts
    ) async throws(PipelineError) -> [Finding] {
        guard settings.plausibility.enabled else { return [] }
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
        let check = Plausibility(settings: settings.plausibility)
        let reference = check.needsCityAmounts(profile, history: history) ? try await city.get() : .none
        return check.check(profile, file: file, history: history, city: reference)
    }

    /// The city's case amounts, for a county with few cases of its own: each county's
    /// latest return (its latest month's current version, among `together` and the store's),
    /// each case once. Made only when a county first needs it, then kept; counties checked
    /// at once wait for the one making.
    actor CityAmounts {
        private let together: [SubmissionVersion<ReturnProfile>]
        private let store: (any SubmissionStore)?
        private var making: Task<AmountReference, any Error>?

        init(together: [SubmissionVersion<ReturnProfile>], store: (any SubmissionStore)?) {
            self.together = together
            self.store = store
        }

        func get() async throws(PipelineError) -> AmountReference {
            let task: Task<AmountReference, any Error>
            if let making {
                task = making
            } else {
                let (together, store) = (self.together, self.store)
                task = Task { try await Self.make(together: together, store: store) }
                making = task
            }
            do { return try await task.value } catch let error as PipelineError { throw error } catch { throw .storeUnavailable("\(error)") }
        }

        private static func make(
            together: [SubmissionVersion<ReturnProfile>], store: (any SubmissionStore)?
        ) async throws(PipelineError)
            -> AmountReference
        {
            var candidates: [String: [SubmissionVersion<HistorySource>]] = [:]
            var sequence = 0
            if let store {
                let stored: [StoredVersion]
                do { stored = try await store.versions(county: nil, period: nil) } catch { throw PipelineError(error) }
                for v in stored {
                    candidates[v.countyCode, default: []].append(v.version.replacingPayload(with: .stored(v.id)))
                    sequence = max(sequence, v.version.sequence)
                }
            }
            for v in together {
                var candidate = v.replacingPayload(with: HistorySource.read(v.payload))
                candidate.sequence += sequence + 1
                candidates[v.countyCode, default: []].append(candidate)
            }
            var out: [Money] = []
            for county in candidates.keys.sorted() {
                let versions = candidates[county]!
                guard let latest = versions.map(\.period).max(), let current = currentVersion(of: versions.filter { $0.period == latest }) else {
                    continue
                }
                switch current.payload {
                case .read(let p): out += p.caseAmounts
                case .stored(let id):
                    do { out += ReturnProfile(try await store!.load(id, caseTexts: false)).caseAmounts } catch { throw PipelineError(error) }
                }
            }
            return AmountReference(out)
        }
    }
}

/// Where an earlier month's return comes from: read with the return checked, or stored.
enum HistorySource: Sendable {
    case read(ReturnProfile)
    case stored(Int64)
}
