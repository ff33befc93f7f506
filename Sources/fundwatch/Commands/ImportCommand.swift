import ArgumentParser
import FundWatchCore
import FundWatchInput
import FundWatchPipeline

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate submissions and store every version (new, new version, unchanged, rejected).",
        discussion: """
            Each submission is stored in one transaction; one with any error changes nothing. A submission whose \
            exact content is already stored for its county and period is 'unchanged'. Nothing is ever deleted. \
            Errors are printed in full; warnings as a count per submission and the first \(Self.warningsShown) \
            (fundwatch validate lists them all). Exit status 1 if anything was rejected. \
            The store: --db, else $FUNDWATCH_DB, else ./fundwatch.sqlite.
            """
    )

    /// How many warnings of one submission are printed.
    static let warningsShown = 3

    @Option(help: StoreOptions.help)
    var db: String?

    @Flag(name: .customLong("dry-run"), help: "Validate and say what would happen, without writing.")
    var dryRun = false

    @Option(name: .customLong("config"), help: "Configuration file ([store] reporter key, [plausibility] thresholds); defaults when absent.")
    var config: String?

    @Argument(help: "Submissions: .xml files, .xlsx workbooks, CSV folders, .zip files, or folders holding them.")
    var paths: [String]

    func run() async throws {
        let totals = try await Console.run {
            let settings = try config.map { path throws(PipelineError) in try Pipeline.settings(file: path) } ?? .init()
            let pipeline = try Pipeline.forTerminal(settings: settings)
            return try await StoreOptions.with(db, aligning: pipeline) { store in
                try await pipeline.importSubmissions(paths.map(SubmissionInput.path), into: store, dryRun: dryRun, each: Self.print)
            }
        }
        Console.out(
            (dryRun ? "dry run, nothing written — " : "") + "total: \(totals.new) new, \(totals.newVersion) new version, "
                + "\(totals.unchanged) unchanged, \(totals.rejected) rejected\n")
        if totals.rejected > 0 { throw ExitCode(1) }
    }

    static func print(_ event: ImportEvent) {
        switch event {
        case .rejected(let source, let findings):
            Console.out("rejected     \(source)" + (findings.errorCount > 0 ? " — \(findings.errorCount) error(s)" : "") + "\n")
            for finding in findings.findings { Console.err(finding.formatted + "\n") }
            if findings.omitted > 0 { Console.err("… \(findings.omitted) more findings not listed\n") }
        case .stored(let s):
            let h = s.header, warnings = s.findings.warningCount
            Console.out(
                "\(s.outcome.words.padding(toLength: 12, withPad: " ", startingAt: 0)) \(h.countyCode) \(h.countyName) \(h.period) "
                    + "submitted \(h.submittedOn): \(s.institutions) institutions, \(s.inspections) inspections, "
                    + "\(s.cases) cases ← \(s.source)" + (warnings > 0 ? " (\(warnings) warning(s))" : "") + "\n")
            if let current = s.currentSubmittedOn {
                Console.out(
                    "             非当前版本:已有报送日期更晚的版本(\(current)),报表与审核仍用该版本 / "
                        + "not current: a version submitted \(current) is stored, and reports and reviews use it\n")
            }
            for finding in s.findings.findings.prefix(warningsShown) { Console.err(finding.formatted + "\n") }
            if warnings > warningsShown {
                Console.err("\(s.source): … \(warnings - warningsShown) more warning(s); fundwatch validate lists them all\n")
            }
        }
    }
}
