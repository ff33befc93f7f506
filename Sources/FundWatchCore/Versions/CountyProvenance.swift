/// Where a county's figures came from: the version used (or none) and its digest. Reports
/// print it under every table; a file path is never part of it, so the same data read from
/// XML or CSV gives the same report.
public struct CountyProvenance: Sendable, Hashable {
    public var countyCode: String
    public var countyName: String
    public var status: CountyStatus
    /// The period of the version used (`to`, an earlier month when stale, nil when missing).
    public var period: YearMonth?
    public var submittedOn: Day?
    public var digest: String?

    public init<Payload>(_ choice: CountyChoice<Payload>) {
        countyCode = choice.countyCode
        countyName = choice.countyName
        status = choice.status
        period = choice.chosen?.period
        submittedOn = choice.chosen?.submittedOn
        digest = choice.chosen?.digest
    }
}
