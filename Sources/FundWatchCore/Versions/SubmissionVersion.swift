/// One version of a county's return for a period, with what is needed to choose among
/// versions; `Payload` is what the caller keeps of it: the submission itself, a summary made
/// as it was read, or the id a store loads it by.
///
/// The names for versions, read or stored (there are no others):
/// - ``SubmissionVersion``: one version of one county's return for one period.
/// - ``CountyChoice``: the version a report uses for one county (or none: missing).
/// - ``Selection``: every county's choice for a report month, and when each month's
///   first version arrived (for timeliness).
/// - `ReadOutcome` (FundWatchInput): what reading one source gave: a payload when it has no
///   error, and its findings. `ReadBatch` is every source named by some inputs, read.
/// - `VersionSet` (FundWatchPipeline): the versions a report may choose from, read from
///   files or listed in a store, and how to load the chosen ones.
public struct SubmissionVersion<Payload: Sendable>: Sendable {
    public var countyCode: String
    public var countyName: String
    public var period: YearMonth
    public var submittedOn: Day
    /// Content digest: equal digests mean equal registers.
    public var digest: String
    /// Where it came from, for messages: a file path, or a store's import.
    public var origin: String
    /// Order of arrival: argument order for files, import order in a store.
    public var sequence: Int
    public var payload: Payload

    public init(
        countyCode: String, countyName: String, period: YearMonth, submittedOn: Day,
        digest: String, origin: String, sequence: Int, payload: Payload
    ) {
        self.countyCode = countyCode
        self.countyName = countyName
        self.period = period
        self.submittedOn = submittedOn
        self.digest = digest
        self.origin = origin
        self.sequence = sequence
        self.payload = payload
    }

    /// The same version carrying another payload.
    public func replacingPayload<Other: Sendable>(with payload: Other) -> SubmissionVersion<Other> {
        SubmissionVersion<Other>(
            countyCode: countyCode, countyName: countyName, period: period, submittedOn: submittedOn,
            digest: digest, origin: origin, sequence: sequence, payload: payload)
    }
}
