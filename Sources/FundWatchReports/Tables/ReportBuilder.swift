import FundWatchCore
import FundWatchCrypto

/// Builds the tables of METRICS.md (the six and table 7, the tip-offs) from a report's input. Every figure is computed
/// here, once; templates and writers only lay out what the tables hold.
public struct ReportBuilder: Sendable {
    public let input: ReportInput
    /// The window's measurement (本期).
    public let period: CityMetrics
    /// The year-to-date measurement (累计).
    public let yearToDate: CityMetrics

    /// Each county's summary (nil when missing), in county order.
    let summaries: [CountySummary?]
    /// Every major case, most urgent first.
    public let notices: NoticeList
    /// Every tip-off received by the report date, most urgent first.
    public let tipoffs: [TipoffStatus]
    /// Table 1 figures of earlier months of the year that later returns restated
    /// (``Revision``), for the note under table 1; empty when none were, or not looked for.
    public var restated: [Revision] = []

    public init(_ input: ReportInput) {
        self.input = input
        let summaries = input.choices.map { $0.chosen?.payload }
        self.summaries = summaries
        self.period = CityMetrics(
            choices: input.choices, window: input.window, asOf: input.asOf, metrics: summaries.map { $0?.period },
            tipoffs: summaries.map { $0?.tipoffFigures })
        self.yearToDate = CityMetrics(
            choices: input.choices, window: .yearToDate(input.window.to), asOf: input.asOf,
            metrics: summaries.map { $0?.yearToDate })
        self.notices = NoticeList(summaries)
        self.tipoffs = summaries.flatMap { $0?.tipoffs ?? [] }.sorted(by: TipoffStatus.urgentFirst)
    }

    /// The tables a document can hold.
    public enum Table: Sendable, CaseIterable {
        case progress, categories, violations, actions, notices, status
        /// Table 7 举报线索办理情况.
        case tipoffs
        /// Not one of the six: the year grid of return timeliness.
        case timelinessGrid
        /// Not one of the six: the tip-off register with each step's deadline (`fundwatch tipoffs`).
        case tipoffRegister

        /// The tables of every report: the six of METRICS.md and table 7, the tip-offs.
        public static let standard: [Table] = [.progress, .categories, .violations, .actions, .notices, .status, .tipoffs]
    }

    func table(_ kind: Table) -> ReportTable {
        switch kind {
        case .progress: progressTable()
        case .categories: categoryTable()
        case .violations: violationTable()
        case .actions: actionTable()
        case .notices: noticeTable()
        case .status: statusTable()
        case .tipoffs: tipoffTable()
        case .timelinessGrid: timelinessGrid()
        case .tipoffRegister: tipoffRegisterTable()
        }
    }

    /// A document holding `tables` (the six of a report, by default).
    public func document(title: String = "医保基金监管专项治理统计报表", tables: [Table] = Table.standard) -> ReportDocument {
        let provenance = period.counties.map(\.provenance)
        let inputs = provenance.map { "\($0.countyCode):\($0.digest ?? "-")\n" }.joined()
        return ReportDocument(
            title: title,
            window: input.window, yearToDate: .yearToDate(input.window.to), asOf: input.asOf,
            provenance: provenance, inputDigest: SHA256Digest.hex(of: inputs),
            tables: tables.map(table))
    }

    /// The heading of a county row: its name, with the data status when not current.
    func countyLabel(_ county: CityMetrics.County) -> String {
        switch county.status {
        case .ok: county.countyName
        case .stale: "\(county.countyName)(沿用\(county.period.map { "\($0.year)年\($0.month)月" } ?? "")数据)"
        case .missing: "\(county.countyName)(未报送)"
        }
    }

    /// Window text for titles: `2026年1—3月` or `2026年3月`.
    var windowText: String {
        let w = input.window
        return w.from == w.to ? "\(w.to.year)年\(w.to.month)月" : "\(w.to.year)年\(w.from.month)—\(w.to.month)月"
    }
}
