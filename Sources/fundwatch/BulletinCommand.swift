import ArgumentParser
import FundWatchCore
import FundWatchReports

struct BulletinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "The monthly publicity bulletin: bulletin-YYYY-MM.html (printable) and .txt (for a WeChat post).",
        discussion: """
            Headline figures for the month and the year to date, change against the previous month and the same month \
            last year where that data exists, SVG bar charts by county, the cases exposed in the month, and the tip-off \
            hotline and reward text of [bulletin] in --config. No reporter, no personal data.
            """
    )

    @Option(help: "The month, YYYY-MM.")
    var period: String

    @Option(name: .customLong("as-of"), help: "As-of date (default: the last day of --period).")
    var asOf: String?

    @Option(help: "Folder to write into.")
    var out: String

    @OptionGroup var config: ConfigOption

    @Option(help: "A folder of templates replacing the built-in ones.")
    var templates: String?

    @OptionGroup var source: SourceOptions

    func run() async throws {
        guard let month = YearMonth(iso: period) else { throw ValidationError("--period must be a month YYYY-MM, got '\(period)'") }
        let configuration = try config.load()
        let day = try Loader.asOf(asOf, default: month.lastDay)
        let candidates = try await source.open()
        let bulletin = try await Loader.closing(candidates) { c in
            let current = try await c.reportInput(window: try Window(to: month), asOf: day, policy: configuration.policy)
            let previous = try await c.reportInput(window: try Window(to: month.previous), asOf: day, policy: configuration.policy)
            let lastYear = try await c.reportInput(window: try Window(to: YearMonth(year: month.year - 1, month: month.month)!), asOf: day,
                                                   policy: configuration.policy)
            return BulletinBuilder(current: current, previous: previous, lastYear: lastYear, settings: configuration.bulletin)
        }
        do {
            let writer = ReportWriter(templates: try Loader.templates(templates))
            for path in try writer.write(try writer.render(bulletin), to: out) { Console.out(path + "\n") }
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.err("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}
