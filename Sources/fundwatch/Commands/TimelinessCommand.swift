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
            Writes timeliness.html, timeliness.xml, timeliness.csv and timeliness.xlsx.
            """
    )

    @Option(help: "Last month of the grid, YYYY-MM (the grid runs from January of that year).")
    var to: String

    @OptionGroup var output: OutputOptions

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let month = try YearMonth.option(to, name: "--to")
        try await output.write(from: source) { try await $0.timeliness($1, month: month, asOf: $2, into: $3) }
    }
}
