import ArgumentParser
import FundWatchCore
import FundWatchPipeline
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

    @OptionGroup var window: WindowOptions

    @Option(name: .customLong("as-of"), help: "The date the figures are made as of, YYYY-MM-DD (default: the last day of --to).")
    var asOf: String?

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    @Option(name: .customLong("config"), help: "Configuration file: the [tipoffs] days and [calendar] the tip-off figures are judged by.")
    var config: String?

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let window = try window.window(), asOf = try Day.option(asOf, name: "--as-of")
        try await Console.run {
            let settings = try config.map { path throws(PipelineError) in try Pipeline.settings(file: path) } ?? .init()
            let pipeline = try Pipeline.forTerminal(settings: settings)
            let metrics = try await source.with(pipeline) { try await pipeline.metrics($0, window: window, asOf: asOf) }
            Console.out(json ? MetricsJSON.document(metrics).serialized() : MetricsText.render(metrics))
        }
    }
}
