import FundWatchCore

/// One submission an import hands to a store: its registers as rows, its digest and where
/// it came from.
public struct RecordRequest: Sendable {
    public var submission: Submission
    public var rows: StoreSchema.RegisterRows
    public var digest: String
    public var origin: String

    public init(submission: Submission, rows: StoreSchema.RegisterRows, digest: String, origin: String) {
        self.submission = submission
        self.rows = rows
        self.digest = digest
        self.origin = origin
    }
}

/// What storing a batch did: the outcome of each request, in order, up to the first that
/// failed, and that failure. The requests before it are stored; it and those after it are not.
public struct RecordBatchResult: Sendable {
    public var recorded: [(ImportOutcome, StoredVersion?)]
    public var failure: StoreError?

    public init(recorded: [(ImportOutcome, StoredVersion?)], failure: StoreError?) {
        self.recorded = recorded
        self.failure = failure
    }
}

extension SubmissionStore {
    /// A store with no batch of its own: ``record(_:rows:digest:origin:importedAt:dryRun:)``
    /// for each request in turn, stopping at the first failure (each in its own transaction).
    public func record(batch: [RecordRequest], importedAt: String, dryRun: Bool) async -> RecordBatchResult {
        var recorded: [(ImportOutcome, StoredVersion?)] = []
        for request in batch {
            do {
                recorded.append(try await record(request.submission, rows: request.rows, digest: request.digest, origin: request.origin,
                                                 importedAt: importedAt, dryRun: dryRun))
            } catch {
                return RecordBatchResult(recorded: recorded, failure: error)
            }
        }
        return RecordBatchResult(recorded: recorded, failure: nil)
    }
}
