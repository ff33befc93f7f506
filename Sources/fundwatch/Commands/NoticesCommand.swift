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

    @OptionGroup var options: DeadlineRegisterOptions

    func run() async throws {
        try await options.print(
            make: { pipeline, source, asOf in try await pipeline.noticeRegister(source, asOf: asOf) },
            json: { NoticesJSON.document($0.notices, asOf: $0.asOf).serialized() },
            table: { NoticesText.render($0.notices, asOf: $0.asOf) },
            write: { pipeline, register, format, sink in _ = try await pipeline.write(register, format: format, into: sink) },
            overdue: \.hasOverdue)
    }
}
