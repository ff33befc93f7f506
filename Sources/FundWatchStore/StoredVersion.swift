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

    public init(
        id: Int64, countyCode: String, countyName: String, period: YearMonth, submittedOn: Day, digest: String,
        importedAt: String, origin: String, institutionCount: Int, inspectionCount: Int, caseCount: Int
    ) {
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

    /// This stored version as a version to choose from; its payload is the id to load.
    public var version: SubmissionVersion<Int64> {
        SubmissionVersion(
            countyCode: countyCode, countyName: countyName, period: period, submittedOn: submittedOn,
            digest: digest, origin: "import #\(id)", sequence: Int(id), payload: id)
    }
}

extension Collection where Element == StoredVersion {
    /// The current version among these (of one county and period): the core's one rule,
    /// ``currentVersion(of:)`` — latest `submitted_on`, then the later import.
    public var current: StoredVersion? {
        guard let id = currentVersion(of: map(\.version))?.payload else { return nil }
        return first { $0.id == id }
    }

    /// The number of the version with stored id `id` among these versions of one county and
    /// month: 1 for the first imported, then in import order. Pages, the review forms and the
    /// API name a version by it.
    public func number(of id: Int64) -> Int? {
        sorted { $0.id < $1.id }.firstIndex { $0.id == id }.map { $0 + 1 }
    }
}
