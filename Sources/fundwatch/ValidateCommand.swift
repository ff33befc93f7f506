import ArgumentParser
import FundWatchInput
import FundWatchHashing
import FundWatchReports

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check submissions against every rule of the format (exit 1 if any error).",
        discussion: "Warnings are printed but do not fail validation. Each finding names the file, line (and element or column), rule and what was expected."
    )

    @Flag(name: .long, help: "Print the findings as JSON on standard output.")
    var json = false

    @Argument(help: "Submissions: .xml files, CSV folders, .zip files, or folders holding them.")
    var paths: [String]

    func run() throws {
        let set = SubmissionSet(paths: paths, reader: .withCryptoDigest())
        if json {
            Console.out(FindingsJSON.document(set.loaded, pathFindings: set.pathFindings).serialized())
        } else {
            Console.report(set)
            for item in set.loaded {
                let f = item.findings
                let what = item.submission.map { "\($0.header.countyCode) \($0.header.countyName) \($0.header.period)" } ?? ""
                let verdict = item.isAccepted ? "通过 valid" : "拒收 rejected"
                Console.out("\(verdict): \(item.source.displayName) \(what) — \(f.errorCount) error(s), \(f.warningCount) warning(s)\n")
            }
        }
        if set.hasErrors { throw ExitCode(1) }
    }
}
