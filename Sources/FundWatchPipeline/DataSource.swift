import FundWatchCore
import FundWatchInput
import FundWatchStore

/// Where a job reads submissions from: files (paths or uploads, read and validated on the
/// way; any error stops the job) or a store (every stored version).
public enum DataSource: Sendable {
    case files([SubmissionInput])
    case store(any SubmissionStore)
    /// A store's versions that the city approved in the portal (已审核): each county's latest
    /// approved version is then chosen as from a store (`report --approved-only`).
    case approved(any ReturnsDatabase)

    /// Files at `paths`.
    public static func paths(_ paths: [String]) -> DataSource { .files(paths.map(SubmissionInput.path)) }
}
