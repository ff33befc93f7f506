import ArgumentParser
import FundWatchCore
import FundWatchPipeline
import FundWatchReports

struct BulletinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "The monthly publicity bulletin: bulletin-YYYY-MM.html (printable) and .txt (for a WeChat post).",
        discussion: """
            Headline figures for the month and the year to date, change against the previous month and the same month \
            last year where that data exists, SVG bar charts by county, the cases exposed in the month, and the tip-off \
            hotline and reward text of [bulletin] in --config. No reporter, no personal data. --as-of defaults to the \
            last day of --period.
            """
    )

    @Option(help: "The month, YYYY-MM.")
    var period: String

    @OptionGroup var output: OutputOptions

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let month = try YearMonth.option(period, name: "--period")
        try await output.write(from: source) { try await $0.bulletin($1, month: month, asOf: $2, into: $3) }
    }
}
