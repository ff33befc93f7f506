import ArgumentParser
import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchHashing
import FundWatchStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate submissions and store every version (new, new version, unchanged, rejected).",
        discussion: """
            Each submission is stored in one transaction; one with any error changes nothing. A submission whose \
            exact content is already stored for its county and period is 'unchanged'. Nothing is ever deleted. \
            Exit status 1 if anything was rejected. The store: --db, else $FUNDWATCH_DB, else ./fundwatch.sqlite.
            """
    )

    @Option(help: "The store: a SQLite path (default ./fundwatch.sqlite or $FUNDWATCH_DB), or postgres://user:password@host:port/db.")
    var db: String?

    @Flag(name: .customLong("dry-run"), help: "Validate and say what would happen, without writing.")
    var dryRun = false

    @Argument(help: "Submissions: .xml files, CSV folders, .zip files, or folders holding them.")
    var paths: [String]

    func run() async throws {
        let discovery = SourceDiscovery(paths: paths)
        let store = try await StoreLocator.open(StoreLocator.url(db))
        var totals: [String: Int] = [:]
        let importedAt = ISO8601DateFormatter().string(from: Date())
        for finding in discovery.findings {
            Console.out("rejected     \(finding.file)\n")
            Console.err(finding.formatted + "\n")
            totals["rejected", default: 0] += 1
        }
        do {
            // Submissions are read in parallel batches while the previous batch is stored.
            try await SubmissionReader.withCryptoDigest().forEach(discovery.sources, preparing: { ($0, StoreSchema.RegisterRows($0)) }) { item in
                guard let (submission, rows) = item.payload else {
                    Console.out("rejected     \(item.source.displayName) — \(item.findings.errorCount) error(s)\n")
                    for finding in item.findings.findings { Console.err(finding.formatted + "\n") }
                    if item.findings.omitted > 0 { Console.err("… \(item.findings.omitted) more findings not listed\n") }
                    totals["rejected", default: 0] += 1
                    return
                }
                let (outcome, _) = try await store.record(submission, rows: rows, digest: item.digest ?? submission.contentDigest(using: CryptoSHA256.self),
                                                          origin: item.source.displayName, importedAt: importedAt, dryRun: dryRun)
                let h = submission.header
                let warnings = item.findings.warningCount > 0 ? " (\(item.findings.warningCount) warning(s))" : ""
                Console.out("\(outcome.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(h.countyCode) \(h.countyName) \(h.period) "
                            + "submitted \(h.submittedOn): \(submission.institutions.count) institutions, \(submission.inspections.count) inspections, "
                            + "\(submission.cases.count) cases ← \(item.source.displayName)\(warnings)\n")
                for finding in item.findings.findings { Console.err(finding.formatted + "\n") }
                totals[outcome.rawValue, default: 0] += 1
            }
        } catch {
            try? await store.close()
            Console.err("error: \(error)\n")
            throw ExitCode(1)
        }
        try? await store.close()
        let order = ["new", "new version", "unchanged", "rejected"]
        Console.out((dryRun ? "dry run, nothing written — " : "") + "total: "
                    + order.map { "\(totals[$0] ?? 0) \($0)" }.joined(separator: ", ") + "\n")
        if (totals["rejected"] ?? 0) > 0 { throw ExitCode(1) }
    }
}
