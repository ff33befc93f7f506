import ArgumentParser
import FundWatchPipeline
import FundWatchReports

struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score and rank counties (绩效评价): evaluation.html, evaluation.xml, evaluation.csv, evaluation.xlsx.",
        discussion: """
            Indicators and weights come from [evaluation.*] of --config (defaults in the README). Each indicator's points \
            and the method are printed so anyone can recompute a score by hand. --as-of defaults to the last day of --to.
            """
    )

    @OptionGroup var window: WindowOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let window = try window.window()
        try await output.write(from: source) { try await $0.evaluation($1, window: window, asOf: $2, into: $3) }
    }
}
