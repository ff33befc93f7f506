import ArgumentParser
import FundWatchCore
import FundWatchPipeline

/// `--config FILE` and `--templates DIR`: what a document is computed with and rendered from.
struct SettingsOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "Configuration file (thresholds, deadlines, weights); defaults as documented when absent.")
    var config: String?

    @Option(help: "A folder of templates replacing the built-in ones (see report-templates/).")
    var templates: String?

    /// The pipeline these options ask for, telling the terminal of warnings in the data read.
    func pipeline() throws(PipelineError) -> Pipeline {
        let settings = try config.map { path throws(PipelineError) in try Pipeline.settings(file: path) } ?? .init()
        return try Pipeline.forTerminal(settings: settings, templatesDirectory: templates)
    }
}

extension Pipeline {
    /// A pipeline whose warnings observer prints one line to standard error.
    static func forTerminal(settings: Settings = .init(), templatesDirectory: String? = nil) throws(PipelineError) -> Pipeline {
        var pipeline = try Pipeline(settings: settings, templatesDirectory: templatesDirectory)
        pipeline.warningsObserver = { Console.err(Console.warningNote($0)) }
        return pipeline
    }
}
