import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchReports
import FundWatchReturnsStore
import FundWatchStore

/// The versions a job may choose from (see `SubmissionVersion` for the names): submissions
/// read whole from files, or the versions a store lists (loaded only once chosen).
public struct VersionSet: Sendable {
    enum Backing: Sendable {
        case files([SubmissionVersion<Submission>])
        case store(any SubmissionStore, [SubmissionVersion<Int64>])
    }

    let backing: Backing
    /// The portal's review states, when the store has any (table 6 shows them).
    var reviews: ReviewBook? = nil

    /// The versions of one county only.
    public func only(county: String) -> VersionSet {
        switch backing {
        case .files(let versions): VersionSet(backing: .files(versions.filter { $0.countyCode == county }), reviews: reviews)
        case .store(let store, let versions): VersionSet(backing: .store(store, versions.filter { $0.countyCode == county }), reviews: reviews)
        }
    }

    /// The versions of the counties that sent returns for two months or more of `to`'s year
    /// up to `to` (only those can restate a month), of those months.
    func withSeveralMonths(upTo to: YearMonth) -> VersionSet {
        func keep<P>(_ versions: [SubmissionVersion<P>]) -> [SubmissionVersion<P>] {
            let inYear = versions.filter { $0.period.year == to.year && $0.period <= to }
            let months = Dictionary(grouping: inYear, by: \.countyCode).mapValues { Set($0.map(\.period)).count }
            return inYear.filter { months[$0.countyCode, default: 0] > 1 }
        }
        switch backing {
        case .files(let versions): return VersionSet(backing: .files(keep(versions)), reviews: reviews)
        case .store(let store, let versions): return VersionSet(backing: .store(store, keep(versions)), reviews: reviews)
        }
    }

    /// The periods with a version, up to `to` in its year, oldest first.
    func periods(upTo to: YearMonth) -> [YearMonth] {
        let all: [YearMonth] =
            switch backing {
            case .files(let versions): versions.map(\.period)
            case .store(_, let versions): versions.map(\.period)
            }
        return Set(all.filter { $0.year == to.year && $0 <= to }).sorted()
    }

    /// The latest period submitted, for default dates.
    public var latestPeriod: YearMonth? {
        switch backing {
        case .files(let versions): versions.map(\.period).max()
        case .store(_, let versions): versions.map(\.period).max()
        }
    }

    /// Chooses each county's version for `month` per METRICS.md (files given together: a tie
    /// of different contents is a conflict; a store: the later import wins) and keeps
    /// `summarise(submission)` of each chosen one. From a store the case texts are loaded
    /// only with `caseTexts` (no summary uses them).
    public func select<Summary: Sendable>(
        for month: YearMonth, caseTexts: Bool = false,
        summarising summarise: @escaping @Sendable (Submission) -> Summary
    ) async throws(PipelineError) -> Selection<Summary> {
        switch backing {
        case .files(let versions):
            let selection: Selection<Submission>
            do { selection = try Selection(versions, for: month, tieRule: .refuseDifferentContents) } catch { throw .versionConflict(error) }
            return await offloaded { selection.mapPayloads(summarise) }
        case .store(let store, let versions):
            let selection: Selection<Int64>
            do { selection = try Selection(versions, for: month, tieRule: .laterImportWins) } catch { throw .versionConflict(error) }
            return Selection(
                choices: try await Self.load(selection.choices, from: store, caseTexts: caseTexts, summarising: summarise),
                firstSubmitted: selection.firstSubmitted)
        }
    }

    /// A report's input for one window.
    public func reportInput(window: Window, asOf: Day, policy: Policy) async throws(PipelineError) -> ReportInput {
        var input = ReportInput(
            window: window, asOf: asOf, policy: policy,
            selection: try await select(for: window.to, summarising: ReportInput.summarise(window: window, asOf: asOf, policy: policy)))
        if let reviews, case .store(_, let versions) = backing,
            let ids = try? Selection(versions, for: window.to, tieRule: .laterImportWins)
        {
            input.reviewStates = reviews.labels(for: ids.choices)
        }
        return input
    }

    /// Loads the chosen versions, a few at a time (the store serves concurrent readers), in
    /// order, summarising each as soon as it is loaded. The loads and summaries run as tasks
    /// on ``DispatchTaskExecutor`` (off the cooperative pool); memory holds a few registers at
    /// a time, never all of them.
    static func load<Summary: Sendable>(
        _ choices: [CountyChoice<Int64>], from store: any SubmissionStore, caseTexts: Bool,
        summarising summarise: @escaping @Sendable (Submission) -> Summary
    ) async throws(PipelineError) -> [CountyChoice<Summary>] {
        // Four loads per core, so the cores have a loaded register to summarise while other
        // loads wait for the store. Measured on 2 cores, 2,800 counties, against two per core
        // (medians of 5, paired): SQLite 0.89× wall, PostgreSQL 0.94×; eight per core was
        // slower than four on PostgreSQL (1.05×). Memory holds one register per load.
        let width = 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        var loaded = [CountyChoice<Summary>?](repeating: nil, count: choices.count)
        do {
            try await withThrowingTaskGroup(of: (Int, CountyChoice<Summary>).self) { group in
                var next = 0
                func start() {
                    guard next < choices.count else { return }
                    let index = next, choice = choices[index]
                    group.addTask(executorPreference: DispatchTaskExecutor.shared) {
                        (index, try await choice.withPayload { id in summarise(try await store.load(id, caseTexts: caseTexts)) })
                    }
                    next += 1
                }
                for _ in 0..<width { start() }
                while let (index, choice) = try await group.next() {
                    loaded[index] = choice
                    start()
                }
            }
        } catch let error as StoreError {
            throw PipelineError(error)
        } catch {
            throw .storeUnavailable("\(error)")
        }
        return loaded.map { $0! }
    }
}

extension PipelineError {
    /// The pipeline's answer to a store problem.
    init(_ error: StoreError) {
        switch error.kind {
        case .notFound: self = .notFound(error.description)
        case .conflict: self = .storeConflict(error.description)
        case .unavailable, .damaged: self = .storeUnavailable(error.description)
        }
    }
}
