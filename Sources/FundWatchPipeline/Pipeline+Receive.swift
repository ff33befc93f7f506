import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchStore

/// Receiving one return (an upload): read and validated once, then stored together with
/// the records that go with it.
extension Pipeline {
    /// Reads and validates `input` once, keeping each submission whole.
    public func read(_ input: SubmissionInput) async -> ReadBatch<Submission> {
        let reader = self.reader
        return await offloaded { reader.read([input], summarising: { $0 }) }
    }

    /// Stores the accepted `outcome` (unless its content is already stored) and, in the same
    /// transaction, the statements `alongside` makes once the outcome is known: all of it is
    /// stored, or nothing. Returns the outcome, the stored version and the statements'
    /// `RETURNING` rows.
    public func record(
        _ outcome: ReadOutcome<Submission>, into store: any SubmissionStore, importedAt: String,
        alongside: @escaping @Sendable (ImportOutcome, StoredVersion?) -> [SQLStatement]
    )
        async throws(PipelineError) -> (ImportOutcome, StoredVersion?, [[[StoreValue]]])
    {
        guard let submission = outcome.payload, let digest = outcome.digest else {
            throw .validationFailed(ReadBatch(outcomes: [outcome], inputFindings: []).report)
        }
        let request = RecordRequest(
            submission: submission, rows: StoreSchema.RegisterRows(submission, sealReporter: reporterSeal.seal),
            digest: digest, origin: outcome.source.displayName, alongside: alongside)
        let result = await store.record(batch: [request], importedAt: importedAt, dryRun: false)
        if let failure = result.failure { throw PipelineError(failure) }
        guard let (stored, version) = result.recorded.first else { throw .storeUnavailable("the store recorded nothing") }
        return (stored, version, result.alongside.first ?? [])
    }
}
