import ArgumentParser
import FundWatchCore
import FundWatchInput
import FundWatchReports

struct NoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Write the major-case notice (要情报告) of one case as HTML (one printable page) and XML.",
        discussion: "The notice carries county, institution, case, dates, trigger and due date, 发现过程, 违法违规事实, 处理结果, 处理依据 and the amounts — never the reporter."
    )

    @Option(help: "County division code, e.g. 990101.")
    var county: String

    @Option(name: .customLong("case"), help: "The county's case number, e.g. 2026-002.")
    var caseID: String

    @Option(help: "Folder to write notice-COUNTY-CASE.html and .xml into.")
    var out: String

    @Option(name: .customLong("as-of"), help: "The date to judge the deadline on (default: the last day of the latest month submitted).")
    var asOf: String?

    @OptionGroup var config: ConfigOption

    @Option(help: "A folder of templates replacing the built-in ones.")
    var templates: String?

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let configuration = try config.load()
        let candidates = try await source.open()
        let (day, chosen) = try await Loader.closing(candidates) { candidates in
            let day = try Loader.asOf(asOf, default: candidates.latestPeriod?.lastDay)
            return (day, try await candidates.choose(for: day.yearMonth, summarising: { $0 }))
        }
        let submissions = chosen.choices.compactMap { $0.chosen?.payload }
        guard let document = NoticeDocument(countyCode: county, caseID: caseID, in: submissions, policy: configuration.policy, asOf: day) else {
            let known = submissions.contains { $0.header.countyCode == county && $0.cases.contains { $0.caseID == caseID } }
            Console.err(known
                ? "error: case \(caseID) of county \(county) is not a major case (no police transfer, no public attention, amount below the threshold); it needs no notice\n"
                : "error: county \(county) has no case \(caseID) in the submissions given\n")
            throw ExitCode(1)
        }
        do {
            let writer = ReportWriter(templates: try Loader.templates(templates))
            for path in try writer.write(try writer.render(document), to: out) { Console.out(path + "\n") }
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.err("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}
