import ArgumentParser
import FundWatchInput
import FundWatchPipeline

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check submissions against every rule of the format (exit 1 if any error).",
        discussion:
            "Warnings are printed but do not fail validation. Each finding names the file, line (and element or column), rule and what was expected."
    )

    @Flag(name: .long, help: "Print the findings as JSON on standard output.")
    var json = false

    @Argument(help: "Submissions: .xml files, .xlsx workbooks, CSV folders, .zip files, or folders holding them.")
    var paths: [String]

    func run() async throws {
        let report = try await Console.run { try await Pipeline.forTerminal().validate(paths.map(SubmissionInput.path)) }
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
