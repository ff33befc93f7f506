import ArgumentParser
import FundWatchCore
import FundWatchPipeline
import FundWatchReports

struct TimelinessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeliness",
        abstract: "The year grid of return timeliness (counties × months): on time, late (days), missing, not yet due.",
        discussion: """
            Judged by each month's first accepted version, as of --as-of (default: the due day of --to's return). \
            Writes timeliness.html, timeliness.xml and timeliness.csv.
            """
    )

    @Option(help: "Last month of the grid, YYYY-MM (the grid runs from January of that year).")
    var to: String

    @OptionGroup var output: OutputOptions

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let month = try YearMonth.option(to, name: "--to"), asOf = try output.asOfDay()
        try await Console.run {
            let pipeline = try output.settings.pipeline()
            let sink = FolderSink(directory: output.out)
            Console.printWritten(try await source.with { try await pipeline.timeliness($0, month: month, asOf: asOf, into: sink) })
        }
    }
}
