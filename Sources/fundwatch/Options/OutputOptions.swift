import ArgumentParser
import FundWatchCore
import FundWatchPipeline
import FundWatchReports

/// `--out`, `--as-of`, `--config` and `--templates`: the block every command writing
/// documents shares.
struct OutputOptions: ParsableArguments {
    @Option(help: "Folder to write into (created if needed).")
    var out: String

    @Option(name: .customLong("as-of"), help: "The date the documents are made as of, YYYY-MM-DD (each command says its default).")
    var asOf: String?

    @OptionGroup var settings: SettingsOptions

    /// `--as-of` as a day, nil when not given.
    func asOfDay() throws -> Day? { try Day.option(asOf, name: "--as-of") }

    /// Runs a job writing documents into `--out` from `source`, as of `--as-of` (nil: the
    /// job's default), and prints the paths written.
    func write(
        from source: SourceOptions,
        _ job: @escaping (Pipeline, DataSource, Day?, any OutputSink) async throws -> [String]
    ) async throws {
        let asOf = try asOfDay()
        try await Console.run {
            let pipeline = try settings.pipeline()
            let sink = FolderSink(directory: out)
            Console.printWritten(try await source.with(pipeline) { try await job(pipeline, $0, asOf, sink) })
            Console.noteUnanswered(pipeline.templates)
        }
    }
}

/// `--from` and `--to`: a window of months within one year.
struct WindowOptions: ParsableArguments {
    @Option(help: "First month of the window, YYYY-MM (default: --to).")
    var from: String?

    @Option(help: "Last month of the window, YYYY-MM.")
    var to: String

    func window() throws -> Window {
        let end = try YearMonth.option(to, name: "--to")
        let start = try from.map { try YearMonth.option($0, name: "--from") }
        do {
            return try Window(from: start, to: end)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

extension Day {
    /// A date option's value (`YYYY-MM-DD`); nil when not given.
    static func option(_ text: String?, name: String) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else { throw ValidationError("\(name) must be a date YYYY-MM-DD, got '\(text)'") }
        return day
    }
}

extension YearMonth {
    /// A month option's value (`YYYY-MM`).
    static func option(_ text: String, name: String) throws -> YearMonth {
        guard let month = YearMonth(iso: text) else { throw ValidationError("\(name) must be a month YYYY-MM, got '\(text)'") }
        return month
    }
}
