import FundWatchCore
import FundWatchInput
import FundWatchPlausibility
import FundWatchStore

/// One return the plausibility checks look at: what they need of it and the file it came from.
struct PlausibilityCase: Sendable {
    let profile: ReturnProfile
    let file: String
}

extension Pipeline {
    /// The plausibility findings of one accepted return (an upload, read from `file`) against
    /// the county's earlier months in `store`: the checks `validate --db` and `import` run.
    public func plausibility(of outcome: ReadOutcome<Submission>, against store: any SubmissionStore) async throws(PipelineError) -> [Finding] {
        guard let submission = outcome.payload, let version = outcome.version(sequence: 0) else { return [] }
        let profile = ReturnProfile(submission)
        let together = [version.replacingPayload(with: profile)]
        let checked = try await plausibility(
            of: [PlausibilityCase(profile: profile, file: outcome.source.displayName)], together: together, store: store,
            city: CityAmounts(together: together, store: store))
        return checked[0]
    }

    /// The 核实性审核 of several returns: each one's plausibility findings (in the order of
    /// `cases`) against its county's earlier months, each month's current version chosen by
    /// the one rule among `together` (returns read with them) and, when given, the store's
    /// versions (read with it it wins a tie). The store is asked twice whatever the number
    /// of returns: for the counties' versions, then for the earlier months chosen (read
    /// narrowly, ``SubmissionStore/profiles(_:)``); the checks then run on every core.
    /// `city` gives the case amounts a county with few cases of its own is compared with.
    func plausibility(
        of cases: [PlausibilityCase], together: [SubmissionVersion<ReturnProfile>], store: (any SubmissionStore)?, city: CityAmounts
    ) async throws(PipelineError) -> [[Finding]] {
        guard settings.plausibility.enabled, !cases.isEmpty else { return cases.map { _ in [] } }
        var stored: [String: [StoredVersion]] = [:]
        if let store {
            let counties = Set(cases.map(\.profile.countyCode)).sorted()
            do {
                for v in try await store.currentVersions(counties: counties) { stored[v.countyCode, default: []].append(v) }
            } catch { throw PipelineError(error) }
        }
        let sources = cases.map { history(of: $0.profile, stored: stored[$0.profile.countyCode] ?? [], together: together) }
        var read: [Int64: ReturnProfile] = [:]
        let ids = Set(sources.joined().compactMap(\.storedID)).sorted()
        if let store, !ids.isEmpty {
            do { read = Dictionary(uniqueKeysWithValues: zip(ids, try await store.profiles(ids))) } catch { throw PipelineError(error) }
        }
        let histories = sources.map { months in
            months.compactMap { source -> ReturnProfile? in
                switch source {
                case .read(let p): p
                case .stored(let id): read[id]
                }
            }
        }
        let check = Plausibility(settings: settings.plausibility)
        let needsCity = zip(cases, histories).contains { check.needsCityAmounts($0.profile, history: $1) }
        let reference = needsCity ? try await city.get() : .none
        let work = Array(zip(cases, histories))
        return await offloaded { work.parallelMap { check.check($0.profile, file: $0.file, history: $1, city: reference) } }
    }

    /// Where the current version of each of the county's months before `profile` comes
    /// from (at most `historyMonths` of them): the current version of each of the county's
    /// stored months (`stored`) and the returns read with it (`together`), chosen by the one rule.
    private func history(of profile: ReturnProfile, stored: [StoredVersion], together: [SubmissionVersion<ReturnProfile>]) -> [HistorySource] {
        var window = Set<YearMonth>()
        var month = profile.period
        for _ in 0..<settings.plausibility.historyMonths {
            month = month.previous
            window.insert(month)
        }
        var candidates: [YearMonth: [SubmissionVersion<HistorySource>]] = [:]
        for v in stored where window.contains(v.period) {
            candidates[v.period, default: []].append(v.version.replacingPayload(with: .stored(v.id)))
        }
        let offset = (candidates.values.joined().map(\.sequence).max() ?? 0) + 1
        for v in together where v.countyCode == profile.countyCode && window.contains(v.period) {
            var candidate = v.replacingPayload(with: HistorySource.read(v.payload))
            candidate.sequence += offset
            candidates[v.period, default: []].append(candidate)
        }
        return candidates.keys.sorted().compactMap { currentVersion(of: candidates[$0]!)?.payload }
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
                do { stored = try await store.latestReturns() } catch { throw PipelineError(error) }
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
            var latest: [HistorySource] = []
            for county in candidates.keys.sorted() {
                let versions = candidates[county]!
                guard let month = versions.map(\.period).max(), let current = currentVersion(of: versions.filter { $0.period == month }) else {
                    continue
                }
                latest.append(current.payload)
            }
            var out: [Money] = []
            var ids: [Int64] = []
            for source in latest {
                switch source {
                case .read(let p): out += p.caseAmounts
                case .stored(let id): ids.append(id)
                }
            }
            // The stored ones' amounts alone, a few hundred versions a query.
            for start in stride(from: 0, to: ids.count, by: 500) {
                do {
                    out += try await store!.caseAmounts(Array(ids[start..<min(start + 500, ids.count)])).map { Money(fen: $0) }
                } catch { throw PipelineError(error) }
            }
            return AmountReference(out)
        }
    }
}

/// Where an earlier month's return comes from: read with the return checked, or stored.
enum HistorySource: Sendable {
    case read(ReturnProfile)
    case stored(Int64)

    /// The stored version's id, if stored.
    var storedID: Int64? { if case .stored(let id) = self { id } else { nil } }
}
