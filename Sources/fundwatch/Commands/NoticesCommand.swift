import ArgumentParser
import FundWatchCore
import FundWatchPipeline
import FundWatchReports

struct NoticesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices",
        abstract: "The major-case notice register (要情报告台账), most urgent first; exit 3 if any notice is overdue.",
        discussion: """
            Each county's latest submission for the month of --as-of is used (or its latest earlier one). \
            Exit status: 0 nothing overdue, 3 at least one notice overdue, 1 bad input. For a daily alert:
              0 8 * * *  fundwatch notices --as-of "$(date +\\%F)" /srv/returns || [ $? -ne 3 ] || mail-the-bureau
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, html, xml, csv, json }

    @Option(name: .customLong("as-of"), help: "The date to judge deadlines on, YYYY-MM-DD (default: the last day of the latest month submitted).")
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
                let register = try await pipeline.noticeRegister(source, asOf: asOf)
                switch format {
                case .json: Console.out(NoticesJSON.document(register.notices, asOf: register.asOf).serialized())
                case .table: Console.out(NoticesText.render(register.notices, asOf: register.asOf))
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
