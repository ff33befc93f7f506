import ArgumentParser
import FundWatchCore

/// `--from`, `--to` and `--as-of`, shared by the commands that report over a window.
struct WindowOptions: ParsableArguments {
    @Option(help: "First month of the window, YYYY-MM (default: --to).")
    var from: String?

    @Option(help: "Last month of the window, YYYY-MM.")
    var to: String

    @Option(name: .customLong("as-of"), help: "The date the report is made as of, YYYY-MM-DD (default: the last day of --to).")
    var asOf: String?

    func window() throws -> Window {
        guard let end = YearMonth(iso: to) else { throw ValidationError("--to must be a month YYYY-MM, got '\(to)'") }
        var start: YearMonth?
        if let from {
            guard let month = YearMonth(iso: from) else { throw ValidationError("--from must be a month YYYY-MM, got '\(from)'") }
            start = month
        }
        do {
            return try Window(from: start, to: end)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func asOfDay(_ window: Window) throws -> Day {
        guard let asOf else { return window.lastDay }
        guard let day = Day(iso: asOf) else { throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(asOf)'") }
        return day
    }
}
