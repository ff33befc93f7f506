import ArgumentParser
import FundWatchCore
import FundWatchPipeline
import FundWatchReports

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List every stored version: what a county sent for a month, and when.",
        discussion: "'used' marks the version reports use (the later submitted_on; a tie goes to the later import)."
    )

    @Option(help: StoreOptions.help)
    var db: String?

    @Argument(help: "County division code, e.g. 990201.")
    var county: String?

    @Argument(help: "Period YYYY-MM.")
    var period: String?

    func run() async throws {
        let month = try period.map { try YearMonth.option($0, name: "PERIOD") }
        let entries = try await Console.run {
            let pipeline = try Pipeline.forTerminal()
            return try await StoreOptions.with(db, aligning: pipeline) { try await pipeline.history($0, county: county, period: month) }
        }
        let rows = entries.map { e -> [String] in
            let v = e.version
            return [
                "\(v.countyCode) \(v.countyName)", v.period.description, "v\(e.number)", v.submittedOn.description, v.importedAt,
                "\(v.institutionCount)/\(v.inspectionCount)/\(v.caseCount)", String(v.digest.prefix(12)), e.isUsed ? "used" : "", v.origin,
            ]
        }
        Console.out("\(entries.count) version(s)\n")
        Console.out(TextTable(header: ["县(区)", "期间", "版本", "报送日期", "导入时间", "机构/检查/案件", "摘要", "", "来源"], rows: rows).rendered())
    }
}
