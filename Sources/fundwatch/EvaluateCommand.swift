import ArgumentParser
import FundWatchCore
import FundWatchReports

struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score and rank counties (绩效评价): evaluation.html, evaluation.xml, evaluation.csv.",
        discussion: """
            Indicators and weights come from [evaluation.*] of --config (defaults in the README). Each indicator's points \
            and the method are printed so anyone can recompute a score by hand.
            """
    )

    @OptionGroup var windowOptions: WindowOptions

    @Option(help: "Folder to write into.")
    var out: String

    @OptionGroup var config: ConfigOption

    @Option(help: "A folder of templates replacing the built-in ones.")
    var templates: String?

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let window = try windowOptions.window()
        let asOf = try windowOptions.asOfDay(window)
        let configuration = try config.load()
        let input = try await source.reportInput(window: window, asOf: asOf, policy: configuration.policy)
        let document = ReportBuilder(input).scorecard(configuration.evaluation)
        for path in try Loader.writeSingleTable(document, name: "evaluation", templates: templates, to: out) { Console.out(path + "\n") }
    }
}
