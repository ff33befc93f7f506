import Foundation
import ArgumentParser
import FundWatchCore
import FundWatchInput
import FundWatchReports

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the six statistical report tables as HTML, XML and CSV.",
        discussion: """
            Writes report.html, report.xml and table1.csv … table6.csv into --out. Each county uses its latest \
            submission for --to (METRICS.md). The same inputs and --as-of always give byte-identical files. \
            If any submission has an error, nothing is written and the exit status is 1.
            """
    )

    @OptionGroup var windowOptions: WindowOptions

    @Option(help: "Folder to write the report files into (created if needed).")
    var out: String

    @Option(help: "Formats to write, comma-separated: html,xml,csv.")
    var format: String = "html,xml,csv"

    @OptionGroup var config: ConfigOption

    @Option(help: "A folder of templates replacing the built-in ones (see report-templates/).")
    var templates: String?

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let window = try windowOptions.window()
        let asOf = try windowOptions.asOfDay(window)
        let formats = try ReportFormat.parseList(format)
        let configuration = try config.load()
        let templateSet = try Loader.templates(templates)
        let input = try await source.reportInput(window: window, asOf: asOf, policy: configuration.policy)
        let document = ReportBuilder(input).document()
        do {
            let written = try ReportWriter(templates: templateSet).write(document, formats: formats, to: out)
            for path in written { Console.out(path + "\n") }
        } catch {
            Console.err("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}

extension ReportFormat {
    /// Parses `html,xml,csv`.
    static func parseList(_ text: String) throws -> Set<ReportFormat> {
        var formats = Set<ReportFormat>()
        for part in text.split(separator: ",") {
            guard let f = ReportFormat(rawValue: part.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("unknown format '\(part)'; use html, xml, csv")
            }
            formats.insert(f)
        }
        guard !formats.isEmpty else { throw ValidationError("--format names no format") }
        return formats
    }
}
