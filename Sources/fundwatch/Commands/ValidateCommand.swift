import ArgumentParser
import FundWatchInput
import FundWatchPipeline

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check submissions against every rule of the format (exit 1 if any error), and their plausibility.",
        discussion: """
            Warnings are printed but do not fail validation. Each finding names the file, line (and element or column), rule and \
            what was expected. Each return is also checked against the county's earlier months (核实性审核: plausibility \
            warnings, docs/FORMAT.md): those among the PATHs and, with --db, those in the store.
            """
    )

    @Flag(name: .long, help: "Print the findings as JSON on standard output.")
    var json = false

    @Option(help: "A store whose returns are the counties' earlier months for the plausibility checks (a SQLite path or postgres://…).")
    var db: String?

    @Option(name: .customLong("config"), help: "Configuration file ([plausibility] thresholds); defaults as documented when absent.")
    var config: String?

    @Argument(help: "Submissions: .xml files, .xlsx workbooks, CSV folders, .zip files, or folders holding them.")
    var paths: [String]

    func run() async throws {
        let inputs = paths.map(SubmissionInput.path)
        let report = try await Console.run {
            let settings = try config.map { path throws(PipelineError) in try Pipeline.settings(file: path) } ?? .init()
            let pipeline = try Pipeline.forTerminal(settings: settings)
            guard let db else { return try await pipeline.validate(inputs) }
            return try await StoreOptions.with(db, aligning: pipeline) { try await pipeline.validate(inputs, against: $0) }
        }
        if json {
            Console.out(ValidationDocument.document(report).serialized())
        } else {
            Console.printFindings(report)
            for outcome in report.outcomes {
                let f = outcome.findings
                let what = outcome.payload.map { "\($0.countyCode) \($0.countyName) \($0.period)" } ?? ""
                let verdict = outcome.isAccepted ? "通过 valid" : "拒收 rejected"
                Console.out("\(verdict): \(outcome.source.displayName) \(what) — \(f.errorCount) error(s), \(f.warningCount) warning(s)\n")
            }
        }
        if report.hasErrors { throw ExitCode(1) }
    }
}
