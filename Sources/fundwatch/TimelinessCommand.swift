import ArgumentParser
import FundWatchCore
import FundWatchInput
import FundWatchReports

struct TimelinessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeliness",
        abstract: "The year grid of return timeliness (counties × months): on time, late (days), missing, not yet due.",
        discussion: "Judged by each month's first accepted version. Writes timeliness.html, timeliness.xml and timeliness.csv."
    )

    @Option(help: "Last month of the grid, YYYY-MM (the grid runs from January of that year).")
    var to: String

    @Option(name: .customLong("as-of"), help: "The date to judge on (default: the due day of --to's return).")
    var asOf: String?

    @Option(help: "Folder to write into.")
    var out: String

    @OptionGroup var config: ConfigOption

    @Option(help: "A folder of templates replacing the built-in ones.")
    var templates: String?

    @OptionGroup var source: SourceOptions

    func run() async throws {
        guard let month = YearMonth(iso: to) else { throw ValidationError("--to must be a month YYYY-MM, got '\(to)'") }
        let configuration = try config.load()
        let day = try Loader.asOf(asOf, default: configuration.policy.returnDue(for: month))
        let input = try await source.reportInput(window: Window.yearToDate(month), asOf: day, policy: configuration.policy)
        let document = ReportBuilder(input).document(title: "报表报送及时性", tables: [.timelinessGrid])
        let written = try Loader.writeSingleTable(document, name: "timeliness", templates: templates, to: out)
        for path in written { Console.out(path + "\n") }
    }
}
