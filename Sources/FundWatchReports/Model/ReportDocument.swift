import FundWatchCore

/// The whole report: its tables (the six of METRICS.md and table 7) and their provenance.
public struct ReportDocument: Sendable, Hashable {
    public var title: String
    public var window: Window
    /// Year to date (累计): January … `to`.
    public var yearToDate: Window
    public var asOf: Day
    public var provenance: [CountyProvenance]
    /// SHA-256 over every county's content digest, in county order: two reports with the
    /// same digest were made from the same data.
    public var inputDigest: String
    public var tables: [ReportTable]
}
