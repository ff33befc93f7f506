import FundWatchCore

/// One stored version of a county's submission for a period.
public struct StoredVersion: Sendable, Hashable {
    /// Store-wide import order: a later import has a larger id.
    public var id: Int64
    public var countyCode: String
    public var countyName: String
    public var period: YearMonth
    public var submittedOn: Day
    public var digest: String
    /// When it was imported (ISO 8601, UTC), for the record only: reports never use it.
    public var importedAt: String
    /// The path it was imported from.
    public var origin: String
    public var institutionCount: Int
    public var inspectionCount: Int
    public var caseCount: Int

    public init(id: Int64, countyCode: String, countyName: String, period: YearMonth, submittedOn: Day, digest: String,
                importedAt: String, origin: String, institutionCount: Int, inspectionCount: Int, caseCount: Int) {
        self.id = id
        self.countyCode = countyCode
        self.countyName = countyName
        self.period = period
        self.submittedOn = submittedOn
        self.digest = digest
        self.importedAt = importedAt
        self.origin = origin
        self.institutionCount = institutionCount
        self.inspectionCount = inspectionCount
        self.caseCount = caseCount
    }

    /// This version as a candidate for a report; its payload is the id to load.
    public var candidate: SubmissionCandidate<Int64> {
        SubmissionCandidate(countyCode: countyCode, countyName: countyName, period: period, submittedOn: submittedOn,
                            digest: digest, origin: "import #\(id)", sequence: Int(id), payload: id)
    }
}

/// What importing one submission did.
public enum ImportOutcome: String, Sendable {
    /// The first version of this county and period.
    case new
    /// Another version of a county and period already stored.
    case newVersion = "new version"
    /// This exact content is already stored: nothing written.
    case unchanged
}

extension SubmissionStore {
    /// The registers of one version, case texts included, without the reporter.
    public func load(_ id: Int64) async throws -> Submission { try await load(id, caseTexts: true) }

    /// ``record(_:rows:digest:origin:importedAt:dryRun:)`` making the rows here.
    public func record(_ submission: Submission, digest: String, origin: String, importedAt: String,
                       dryRun: Bool) async throws -> (ImportOutcome, StoredVersion?) {
        try await record(submission, rows: StoreSchema.RegisterRows(submission), digest: digest, origin: origin,
                         importedAt: importedAt, dryRun: dryRun)
    }
}

/// Where submissions are kept: every version, never overwritten, never deleted.
///
/// Implementations: ``SQLiteStore`` (embedded, the default) and `PostgresStore`.
/// The reporter of a case is stored, but ``load(_:)`` never reads it back.
public protocol SubmissionStore: Sendable {
    /// Stores `submission` (whose register rows are `rows`) in one transaction unless this
    /// exact content (digest) is already stored for its county and period. With `dryRun`,
    /// only says what would happen.
    func record(_ submission: Submission, rows: StoreSchema.RegisterRows, digest: String, origin: String, importedAt: String,
                dryRun: Bool) async throws -> (ImportOutcome, StoredVersion?)

    /// Versions, oldest import first, optionally of one county and one period.
    func versions(county: String?, period: YearMonth?) async throws -> [StoredVersion]

    /// The registers of one version, without the reporter; without the case texts too
    /// unless `caseTexts` (no summary uses them, and they are most of a county's bytes).
    func load(_ id: Int64, caseTexts: Bool) async throws -> Submission

    /// Releases connections.
    func close() async throws
}

extension SubmissionStore {
    /// Every version as a report candidate.
    public func candidates() async throws -> [SubmissionCandidate<Int64>] {
        try await versions(county: nil, period: nil).map(\.candidate)
    }

    /// The outcome of storing content with `digest` given what is stored for its county and period.
    public static func outcome(digest: String, existing: [String]) -> ImportOutcome {
        if existing.contains(digest) { return .unchanged }
        return existing.isEmpty ? .new : .newVersion
    }
}

/// A store problem a clerk can act on.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
