import ArgumentParser
import FundWatchCore
import FundWatchInput
import FundWatchReports

struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Compute the campaign metrics per county and for the city over a window.",
        discussion: """
            Each county uses its latest submission for the month --to; a county without one falls back \
            to its latest earlier submission (status stale), or is marked missing. If any submission has an \
            error, nothing is computed: the findings are printed and the exit status is 1.
            """
    )

    @OptionGroup var windowOptions: WindowOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let window = try windowOptions.window()
        let asOf = try windowOptions.asOfDay(window)
        let chosen = try await source.choose(for: window.to, summarising: { Metrics(submission: $0, window: window) })
        let measurement = Measurement(choices: chosen.choices, window: window, asOf: asOf, metrics: chosen.choices.map { $0.chosen?.payload })
        Console.out(json ? MetricsJSON.document(measurement).serialized() : MetricsText.render(measurement))
    }
}
