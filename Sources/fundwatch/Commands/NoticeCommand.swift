import ArgumentParser
import FundWatchPipeline
import FundWatchReports

struct NoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Write the major-case notice (要情报告) of one case as HTML (one printable page) and XML.",
        discussion: """
            The notice carries county, institution, case, dates, trigger and due date, 发现过程, 违法违规事实, 处理结果, \
            处理依据 and the amounts — never the reporter. --as-of defaults to the last day of the latest month submitted.
            """
    )

    @Option(help: "County division code, e.g. 990101.")
    var county: String

    @Option(name: .customLong("case"), help: "The county's case number, e.g. 2026-002.")
    var caseID: String

    @OptionGroup var output: OutputOptions

    @OptionGroup var source: SourceOptions

    func run() async throws {
        try await output.write(from: source) { try await $0.notice($1, county: county, caseID: caseID, asOf: $2, into: $3) }
    }
}
