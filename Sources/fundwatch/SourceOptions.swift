import ArgumentParser
import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchPostgres
import FundWatchReports
import FundWatchStore

/// Where a reporting command reads submissions: files given as PATHs, or a store (`--db`).
struct SourceOptions: ParsableArguments {
    @Option(help: "Read from a store instead of files: a SQLite path, sqlite:PATH, or postgres://user:password@host:port/db.")
    var db: String?

    @Argument(help: "Submissions: .xml files, CSV folders, .zip files, or folders holding them (or --db).")
    var paths: [String] = []

    func validate() throws {
        if db != nil && !paths.isEmpty { throw ValidationError("give either PATHs or --db, not both") }
        if db == nil && paths.isEmpty { throw ValidationError("give PATHs of submissions, or --db to read from a store") }
    }

    /// The candidate versions, from files (validated; any error stops) or a store.
    func open() async throws -> Candidates {
        if let db {
            let store = try await StoreLocator.open(db)
            do {
                return .store(store, try await store.candidates())
            } catch {
                try? await store.close()
                throw error
            }
        }
        return .files(try Loader.accepted(paths))
    }

    /// Chooses each county's version for `month` (METRICS.md), keeping `summarise(submission)`
    /// of each chosen one. Files are summarised as they are read, so memory holds one
    /// submission per core, never all of them; a store's chosen versions likewise.
    func choose<Summary: Sendable>(for month: YearMonth, summarising summarise: @escaping @Sendable (Submission) -> Summary) async throws -> ChosenVersions<Summary> {
        guard db == nil else {
            // Summaries never use the case texts (only a notice document does): not loaded.
            return try await Loader.closing(try await open()) { try await $0.choose(for: month, caseTexts: false, summarising: summarise) }
        }
        let set = try Loader.accepted(paths, summarising: summarise)
        let candidates = set.candidates
        return ChosenVersions(choices: try Loader.choose(candidates, for: month), firstSubmitted: ReportInput.firstSubmitted(candidates))
    }

    /// A report's input for one window, each county summarised as it is read.
    func reportInput(window: Window, asOf: Day, policy: Policy) async throws -> ReportInput {
        try await choose(for: window.to, summarising: ReportInput.summarise(window: window, asOf: asOf, policy: policy))
            .reportInput(window: window, asOf: asOf, policy: policy)
    }
}

/// Each county's chosen version for a month, and when each month's first version arrived.
struct ChosenVersions<Payload: Sendable> {
    var choices: [CountyChoice<Payload>]
    var firstSubmitted: [String: [YearMonth: Day]]
}

extension ChosenVersions where Payload == CountySummary {
    func reportInput(window: Window, asOf: Day, policy: Policy) -> ReportInput {
        ReportInput(window: window, asOf: asOf, policy: policy, summaries: choices, firstSubmitted: firstSubmitted)
    }
}

/// The versions a report may choose from, and how to load the chosen ones.
enum Candidates {
    case files(SubmissionSet)
    case store(any SubmissionStore, [SubmissionCandidate<Int64>])

    /// The latest period submitted, for default dates.
    var latestPeriod: YearMonth? {
        switch self {
        case .files(let set): set.candidates.map(\.period).max()
        case .store(_, let candidates): candidates.map(\.period).max()
        }
    }

    /// Chooses per METRICS.md (files: a tie of different contents is an error; store: the later
    /// import wins) and keeps `summarise(submission)` of each chosen version.
    func choose<Summary: Sendable>(for month: YearMonth, caseTexts: Bool = true,
                                   summarising summarise: @escaping @Sendable (Submission) -> Summary) async throws -> ChosenVersions<Summary> {
        switch self {
        case .files(let set):
            let candidates = set.candidates
            let choices = try Loader.choose(candidates, for: month)
            return ChosenVersions(choices: choices.parallelMap { $0.mapPayload(summarise) },
                                  firstSubmitted: ReportInput.firstSubmitted(candidates))
        case .store(let store, let candidates):
            let choices = try chooseSubmissions(candidates, for: month, tieRule: .laterImportWins)
            return ChosenVersions(choices: try await Self.load(choices, from: store, caseTexts: caseTexts, summarising: summarise),
                                  firstSubmitted: ReportInput.firstSubmitted(candidates))
        }
    }

    /// A report's input for one window.
    func reportInput(window: Window, asOf: Day, policy: Policy) async throws -> ReportInput {
        try await choose(for: window.to, summarising: ReportInput.summarise(window: window, asOf: asOf, policy: policy))
            .reportInput(window: window, asOf: asOf, policy: policy)
    }

    /// Loads the chosen versions, a few at a time (the store serves concurrent readers), in
    /// order, keeping `summarise(submission)` of each.
    static func load<Summary: Sendable>(_ choices: [CountyChoice<Int64>], from store: any SubmissionStore, caseTexts: Bool,
                                        summarising summarise: @escaping @Sendable (Submission) -> Summary) async throws -> [CountyChoice<Summary>] {
        // Two loads per core: while one waits for SQLite, the other is summarised.
        let width = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        var loaded = [CountyChoice<Summary>?](repeating: nil, count: choices.count)
        try await withThrowingTaskGroup(of: (Int, CountyChoice<Summary>).self) { group in
            var next = 0
            func start() {
                guard next < choices.count else { return }
                let index = next, choice = choices[index]
                group.addTask { (index, try await choice.withPayload { summarise(try await store.load($0, caseTexts: caseTexts)) }) }
                next += 1
            }
            for _ in 0..<width { start() }
            while let (index, choice) = try await group.next() {
                loaded[index] = choice
                start()
            }
        }
        return loaded.map { $0! }
    }

    /// Releases a store's connections.
    func close() async {
        if case .store(let store, _) = self { try? await store.close() }
    }
}

/// Opens the store a `--db` value names.
enum StoreLocator {
    /// `--db`, else `FUNDWATCH_DB`, else `./fundwatch.sqlite`.
    static func url(_ option: String?) -> String {
        option ?? ProcessInfo.processInfo.environment["FUNDWATCH_DB"] ?? "fundwatch.sqlite"
    }

    static func open(_ url: String) async throws -> any SubmissionStore {
        do {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                return try await PostgresStore(url: url)
            }
            var path = url
            if path.hasPrefix("sqlite://") { path.removeFirst("sqlite://".count) } else if path.hasPrefix("sqlite:") { path.removeFirst("sqlite:".count) }
            return try SQLiteStore(path: path)
        } catch {
            Console.err("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}
