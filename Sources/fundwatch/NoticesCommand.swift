import ArgumentParser
import Foundation
import FundWatchCore
import FundWatchInput
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

    @OptionGroup var config: ConfigOption

    @Option(help: "A folder of templates replacing the built-in ones (html and xml).")
    var templates: String?

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let configuration = try config.load()
        let candidates = try await source.open()
        let input = try await Loader.closing(candidates) { candidates in
            let day = try Loader.asOf(asOf, default: candidates.latestPeriod?.lastDay)
            return try await candidates.reportInput(window: try Window(to: day.yearMonth), asOf: day, policy: configuration.policy)
        }
        let day = input.asOf
        let builder = ReportBuilder(input)
        let notices = builder.notices
        switch format {
        case .json:
            Console.out(NoticesJSON.document(notices, asOf: day).serialized())
        case .table:
            Console.out(NoticesText.render(notices, asOf: day))
        case .html, .xml, .csv:
            let document = builder.document(title: "重大案件要情报告台账", tables: [.notices])
            let files = try Loader.render(document, format: ReportFormat(rawValue: format.rawValue)!, templates: templates)
            for file in files { FileHandle.standardOutput.write(Data(file.bytes)) }
        }
        if notices.contains(where: { $0.status == .overdue }) { throw ExitCode(3) }
    }
}
