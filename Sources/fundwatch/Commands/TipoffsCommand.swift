import ArgumentParser
import FundWatchCore
import FundWatchPipeline
import FundWatchReports

struct TipoffsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tipoffs",
        abstract: "The tip-off register (举报线索台账) with each step's deadline in working days, most urgent first; exit 3 if any step is overdue.",
        discussion: """
            Each county's current return for the month of --as-of is used (or its latest earlier one). Steps: decide \
            (received_on → decided_on), inform (decided_on → informed_on, real-name only), close (decided_on → closed_on, \
            filed only), feedback (closed_on → feedback_on, filed and real-name). Working days per step: [tipoffs] in --config; \
            which days are working days: [calendar] file = "holidays.csv" (rows date,kind with kind holiday or workday). \
            Exit status: 0 nothing overdue, 3 at least one step overdue, 1 bad input. The reporter never appears.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, html, xml, csv, json }

    @Option(name: .customLong("as-of"), help: "The day to judge deadlines on, YYYY-MM-DD (default: the last day of the latest month submitted).")
    var asOf: String?

    @Option(help: "Output format: table, html, xml, csv or json.")
    var format: Format = .table

    @OptionGroup var settings: SettingsOptions

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let asOf = try Day.option(asOf, name: "--as-of")
        let register = try await Console.run {
            let pipeline = try settings.pipeline()
            return try await source.with(pipeline) { source in
                let register = try await pipeline.tipoffRegister(source, asOf: asOf)
                switch format {
                case .json: Console.out(TipoffsJSON.document(register.tipoffs, asOf: register.asOf).serialized())
                case .table: Console.out(TipoffsText.render(register.tipoffs, asOf: register.asOf))
                case .html, .xml, .csv:
                    let sink = MemorySink()
                    _ = try await pipeline.write(register, format: ReportFormat(rawValue: format.rawValue)!, into: sink)
                    for file in sink.files { Console.out(bytes: file.bytes) }
                }
                return register
            }
        }
        if register.hasOverdue { throw ExitCode(3) }
    }
}
