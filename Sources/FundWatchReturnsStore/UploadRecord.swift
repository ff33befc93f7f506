import FundWatchCore

/// One upload attempt through the portal, accepted or rejected, with its findings (JSON), so
/// a county sees what every attempt answered.
public struct UploadRecord: Sendable, Hashable {
    public var id: Int64
    public var at: Int64
    public var actor: String
    public var countyCode: String?
    public var period: YearMonth?
    public var fileName: String
    /// `new`, `new_version`, `unchanged` or `rejected`.
    public var outcome: String
    public var digest: String?
    public var submissionID: Int64?
    /// Uploaded by the city on the county's behalf (代报).
    public var onBehalf: Bool
    /// The 更正说明 of an upload to an approved month, or empty.
    public var note: String
    /// The findings as the API's JSON array.
    public var findingsJSON: String

    public init(
        id: Int64 = 0, at: Int64, actor: String, countyCode: String?, period: YearMonth?, fileName: String, outcome: String,
        digest: String?, submissionID: Int64?, onBehalf: Bool, note: String, findingsJSON: String
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.countyCode = countyCode
        self.period = period
        self.fileName = fileName
        self.outcome = outcome
        self.digest = digest
        self.submissionID = submissionID
        self.onBehalf = onBehalf
        self.note = note
        self.findingsJSON = findingsJSON
    }
}
