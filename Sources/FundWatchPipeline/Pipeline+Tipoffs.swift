import FundWatchCore
import FundWatchReports

/// The tip-off register as of one day: every tip-off received by then, most urgent first.
public struct TipoffRegister: Sendable {
    public var asOf: Day
    public var tipoffs: [TipoffStatus]
    let builder: ReportBuilder

    /// Whether any step of any tip-off is overdue (the CLI exits 3 then).
    public var hasOverdue: Bool { tipoffs.contains(where: \.isOverdue) }
}

extension Pipeline {
    /// The tip-off register as of `asOf` (default: the last day of the latest month
    /// submitted), from each county's current version for that month, deadlines in working
    /// days by `[tipoffs]` and the `[calendar]`.
    public func tipoffRegister(_ source: DataSource, asOf: Day? = nil) async throws(PipelineError) -> TipoffRegister {
        let versions = try await versions(source)
        let day = try day(asOf, default: versions)
        let input = try await versions.reportInput(window: try window(to: day.yearMonth), asOf: day, policy: settings.policy)
        let builder = ReportBuilder(input)
        return TipoffRegister(asOf: day, tipoffs: builder.tipoffs, builder: builder)
    }

    /// The register as a table, in one format, into `sink`.
    public func write(_ register: TipoffRegister, format: ReportFormat, into sink: any OutputSink) async throws(PipelineError) -> [String] {
        let document = register.builder.document(title: "举报线索办理台账", tables: [.tipoffRegister])
        return try await write(into: sink) { writer in try writer.write(document, formats: [format], into: sink) }
    }
}
