import ArgumentParser
import FundWatchCore
import FundWatchPipeline
import FundWatchReports

struct RevisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revisions",
        abstract: "Table 1 figures of earlier months that later returns restated (数据修订): as first reported, and now.",
        discussion: """
            The registers are year to date, so a later return restates earlier months (a case added late, an amount \
            corrected). For each county and each month of the year up to --to: every table 1 figure as computed from that \
            month's own current return ("reported") and from the latest return up to --to ("now"); only the differences, \
            with the period of the return that first changed them (docs/METRICS.md, "Revisions").
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, html, csv, json }

    @Option(help: "The last month, YYYY-MM: its year's months are compared with the latest return up to it.")
    var to: String

    @Option(help: "Output format: table, html, csv or json.")
    var format: Format = .table

    @OptionGroup var settings: SettingsOptions

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let month = try YearMonth.option(to, name: "--to")
        try await Console.run {
            let pipeline = try settings.pipeline()
            try await source.with(pipeline) { source in
                let revisions = try await pipeline.revisions(source, to: month)
                switch format {
                case .json: Console.out(RevisionsJSON.document(revisions, to: month).serialized())
                case .table: Console.out(RevisionsTable.text(revisions, to: month))
                case .html, .csv:
                    let sink = MemorySink()
                    _ = try await pipeline.write(revisions, to: month, format: ReportFormat(rawValue: format.rawValue)!, into: sink)
                    for file in sink.files { Console.out(bytes: file.bytes) }
                }
            }
        }
    }
}
