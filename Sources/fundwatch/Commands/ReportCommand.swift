import ArgumentParser
import Foundation
import FundWatchPipeline
import FundWatchReports

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the statistical report tables (the six of METRICS.md and table 7, tip-offs) as HTML, XML, CSV and Excel.",
        discussion: """
            Writes report.html, report.xml and table1.csv … table7.csv into --out (and report.xlsx with --format xlsx). Each county uses its latest \
            submission for --to (METRICS.md). The same inputs and --as-of (default: the last day of --to) always give \
            byte-identical files. If any submission has an error, nothing is written and the exit status is 1.
            """
    )

    @OptionGroup var window: WindowOptions

    @OptionGroup var output: OutputOptions

    @Option(help: "Formats to write, comma-separated: html,xml,csv,xlsx.")
    var format: String = "html,xml,csv"

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let window = try window.window(), formats = try ReportFormat.parseList(format)
        try await output.write(from: source) { try await $0.report($1, window: window, asOf: $2, formats: formats, into: $3) }
    }
}

extension ReportFormat {
    /// Parses `html,xml,csv`.
    static func parseList(_ text: String) throws -> Set<ReportFormat> {
        var formats = Set<ReportFormat>()
        for part in text.split(separator: ",") {
            guard let f = ReportFormat(rawValue: part.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("unknown format '\(part)'; use html, xml, csv, xlsx")
            }
            formats.insert(f)
        }
        guard !formats.isEmpty else { throw ValidationError("--format names no format") }
        return formats
    }
}
