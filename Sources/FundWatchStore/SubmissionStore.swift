import FundWatchCore

/// Where submissions are kept: every version, never overwritten, never deleted.
///
/// Implementations: `SQLiteStore` (FundWatchSQLite, embedded, the default) and `PostgresStore`
/// (FundWatchPostgres). Every method throws ``StoreError`` only.
/// The reporter of a case is stored, but ``load(_:)`` never reads it back.
public protocol SubmissionStore: Sendable {
    /// Stores several submissions in one transaction, each in its own savepoint, so each is
    /// stored whole or not at all, and each unless its exact content (digest) is already
    /// stored for its county and period. Stops at the first that fails: the ones before it
    /// are committed, it and the rest are not. With `dryRun`, only says what would happen.
    /// (An import writes a batch per transaction: one commit per county cost more than the rows.)
    func record(batch: [RecordRequest], importedAt: String, dryRun: Bool) async -> RecordBatchResult

    /// Versions, oldest import first, optionally of one county and one period.
    func versions(county: String?, period: YearMonth?) async throws(StoreError) -> [StoredVersion]

    /// One county's month at a cost that does not grow with its history (``StoredMonth``):
    /// how many versions, those that can be current, and the one whose digest is `digest`.
    func month(county: String, period: YearMonth, digest: String?) async throws(StoreError) -> StoredMonth

    /// The current version of each month of the counties `counties`, oldest import first:
    /// what the plausibility checks compare a return with, read without the months' other versions.
    func currentVersions(counties: [String]) async throws(StoreError) -> [StoredVersion]

    /// Each county's latest return: the current version of its latest month, oldest import
    /// first (the city's amounts a county with few cases is compared with).
    func latestReturns() async throws(StoreError) -> [StoredVersion]

    /// The registers of one version, without the reporter; without the case texts too
    /// unless `caseTexts` (no summary uses them, and they are most of a county's bytes).
    func load(_ id: Int64, caseTexts: Bool) async throws(StoreError) -> Submission

    /// The versions of the counties `counties`, oldest import first (one query for a batch
    /// of returns being checked).
    func versions(counties: [String]) async throws(StoreError) -> [StoredVersion]

    /// What the plausibility checks need of the versions `ids` (``ReturnProfile``), in the
    /// order of `ids`, in one read: each one's month figures as stored with it and the case
    /// and inspection columns they compare, no institutions. A version stored before its
    /// month figures were kept is read whole.
    func profiles(_ ids: [Int64]) async throws(StoreError) -> [ReturnProfile]

    /// The amounts involved above zero of the institutions' cases of the versions `ids`, in fen, in no
    /// particular order: the city's amounts a county with few cases is compared with.
    func caseAmounts(_ ids: [Int64]) async throws(StoreError) -> [Int64]

    /// The database's own check of its file (SQLite's `PRAGMA integrity_check`): one line per
    /// problem, none when sound. A store without such a check answers none.
    func integrityProblems() async throws(StoreError) -> [String]

    /// The schema migrations the store has applied, in order (`v1` …).
    func appliedMigrations() async throws(StoreError) -> [String]

    /// Copies the whole store, consistent as of one moment while others keep writing, into
    /// the new file `path`. A store that cannot (PostgreSQL: use `pg_dump`) refuses.
    func backup(to path: String) async throws(StoreError)

    /// Releases what the store opened itself (a SQLite file's connections). A store given
    /// its connections by the caller (PostgreSQL) leaves them to the caller.
    func close() async
}

extension SubmissionStore {
    /// Every stored version, as versions to choose from.
    public func allVersions() async throws(StoreError) -> [SubmissionVersion<Int64>] {
        try await versions(county: nil, period: nil).map(\.version)
    }

}

extension SubmissionStore {
    public func integrityProblems() async throws(StoreError) -> [String] { [] }

    public func appliedMigrations() async throws(StoreError) -> [String] { [] }

    public func backup(to path: String) async throws(StoreError) {
        throw StoreError.unavailable("this store cannot be backed up by FundWatch; use the database's own tools")
    }

    /// ``profiles(_:)`` from each whole version: for stores without a narrow read.
    public func profiles(_ ids: [Int64]) async throws(StoreError) -> [ReturnProfile] {
        var out: [ReturnProfile] = []
        for id in ids { out.append(ReturnProfile(try await load(id, caseTexts: false))) }
        return out
    }

    /// ``caseAmounts(_:)`` from each version's profile: for stores without a query of their own.
    public func caseAmounts(_ ids: [Int64]) async throws(StoreError) -> [Int64] {
        try await profiles(ids).flatMap { $0.caseAmounts.map(\.fen) }
    }

    /// ``month(county:period:digest:)`` from all the month's versions: for stores without a narrow read.
    public func month(county: String, period: YearMonth, digest: String?) async throws(StoreError) -> StoredMonth {
        StoredMonth(versions: try await versions(county: county, period: period), digest: digest)
    }

    /// ``currentVersions(counties:)`` by the rule over all their versions: for stores without a query of their own.
    public func currentVersions(counties: [String]) async throws(StoreError) -> [StoredVersion] {
        let all = try await versions(counties: counties)
        return Dictionary(grouping: all) { "\($0.countyCode)/\($0.period)" }.values.compactMap(\.current).sorted { $0.id < $1.id }
    }

    /// ``latestReturns()`` by the rule over every version: for stores without a query of their own.
    public func latestReturns() async throws(StoreError) -> [StoredVersion] {
        let all = try await versions(county: nil, period: nil)
        return Dictionary(grouping: all, by: \.countyCode).values.compactMap { versions in
            let latest = versions.map(\.period).max()
            return versions.filter { $0.period == latest }.current
        }.sorted { $0.id < $1.id }
    }

    /// ``versions(counties:)`` a county at a time: for stores without a query of their own.
    public func versions(counties: [String]) async throws(StoreError) -> [StoredVersion] {
        var out: [StoredVersion] = []
        for county in counties { out += try await versions(county: county, period: nil) }
        return out.sorted { $0.id < $1.id }
    }

    /// The registers of one version, case texts included, without the reporter.
    public func load(_ id: Int64) async throws(StoreError) -> Submission { try await load(id, caseTexts: true) }

    /// Stores `submission` (whose register rows are `rows`) in one transaction: a batch of one
    /// (``record(batch:importedAt:dryRun:)``).
    public func record(
        _ submission: Submission, rows: StoreSchema.RegisterRows, digest: String, origin: String, importedAt: String,
        dryRun: Bool
    ) async throws(StoreError) -> (ImportOutcome, StoredVersion?) {
        let result = await record(
            batch: [RecordRequest(submission: submission, rows: rows, digest: digest, origin: origin)],
            importedAt: importedAt, dryRun: dryRun)
        if let failure = result.failure { throw failure }
        return result.recorded[0]
    }

    /// ``record(_:rows:digest:origin:importedAt:dryRun:)`` making the rows here.
    public func record(
        _ submission: Submission, digest: String, origin: String, importedAt: String,
        dryRun: Bool
    ) async throws(StoreError) -> (ImportOutcome, StoredVersion?) {
        try await record(
            submission, rows: StoreSchema.RegisterRows(submission), digest: digest, origin: origin,
            importedAt: importedAt, dryRun: dryRun)
    }
}
