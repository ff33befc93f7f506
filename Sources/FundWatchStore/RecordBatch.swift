import FundWatchCore

/// One submission an import hands to a store: its registers as rows, its digest and where
/// it came from.
public struct RecordRequest: Sendable {
    public var submission: Submission
    public var rows: StoreSchema.RegisterRows
    public var digest: String
    public var origin: String
    /// Statements the store runs in the same savepoint once it knows the outcome (and the
    /// stored version, unless unchanged): the portal's review event, upload record and audit
    /// line, so that the version and its records are stored together or not at all.
    public var alongside: (@Sendable (ImportOutcome, StoredVersion?) -> [SQLStatement])?

    public init(
        submission: Submission, rows: StoreSchema.RegisterRows, digest: String, origin: String,
        alongside: (@Sendable (ImportOutcome, StoredVersion?) -> [SQLStatement])? = nil
    ) {
        self.submission = submission
        self.rows = rows
        self.digest = digest
        self.origin = origin
        self.alongside = alongside
    }
}

/// What storing a batch did: the outcome of each request, in order, up to the first that
/// failed, and that failure. The requests before it are stored; it and those after it are not.
public struct RecordBatchResult: Sendable {
    public var recorded: [(ImportOutcome, StoredVersion?)]
    public var failure: StoreError?
    /// For each recorded request, the `RETURNING` rows of each of its ``RecordRequest/alongside`` statements.
    public var alongside: [[[[StoreValue]]]]

    public init(recorded: [(ImportOutcome, StoredVersion?)], failure: StoreError?, alongside: [[[[StoreValue]]]] = []) {
        self.recorded = recorded
        self.failure = failure
        self.alongside = alongside
    }
}
