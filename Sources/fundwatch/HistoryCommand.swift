import ArgumentParser
import FundWatchCore
import FundWatchReports
import FundWatchStore

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List every stored version: what a county sent for a month, and when.",
        discussion: "'used' marks the version reports use (the later submitted_on; a tie goes to the later import)."
    )

    @Option(help: "The store (default ./fundwatch.sqlite or $FUNDWATCH_DB).")
    var db: String?

    @Argument(help: "County division code, e.g. 990201.")
    var county: String?

    @Argument(help: "Period YYYY-MM.")
    var period: String?

    func run() async throws {
        var month: YearMonth?
        if let period {
            guard let m = YearMonth(iso: period) else { throw ValidationError("PERIOD must be YYYY-MM, got '\(period)'") }
            month = m
        }
        let store = try await StoreLocator.open(StoreLocator.url(db))
        let versions: [StoredVersion]
        do {
            versions = try await store.versions(county: county, period: month)
        } catch {
            try? await store.close()
            Console.err("error: \(error)\n")
            throw ExitCode(1)
        }
        try? await store.close()
        let groups = Dictionary(grouping: versions) { "\($0.countyCode)/\($0.period)" }
        var used = Set<Int64>()
        for (_, group) in groups {
            if let latest = try? latestVersion(of: group.map(\.candidate), tieRule: .laterImportWins) { used.insert(latest.payload) }
        }
        let sorted = versions.sorted { ($0.countyCode, $0.period, $0.id) < ($1.countyCode, $1.period, $1.id) }
        var numbers: [String: Int] = [:]
        let rows = sorted.map { v -> [String] in
            let key = "\(v.countyCode)/\(v.period)"
            numbers[key, default: 0] += 1
            return ["\(v.countyCode) \(v.countyName)", v.period.description, "v\(numbers[key]!)", v.submittedOn.description, v.importedAt,
                    "\(v.institutionCount)/\(v.inspectionCount)/\(v.caseCount)", String(v.digest.prefix(12)), used.contains(v.id) ? "used" : "", v.origin]
        }
        Console.out("\(versions.count) version(s)\n")
        Console.out(TextTable(header: ["县(区)", "期间", "版本", "报送日期", "导入时间", "机构/检查/案件", "摘要", "", "来源"], rows: rows).rendered())
    }
}
