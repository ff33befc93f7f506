import ArgumentParser
import FundWatchCore
import FundWatchPipeline
import FundWatchReports

/// `--as-of`, `--format`, `--config` and the source of the commands printing a register with
/// deadlines (`notices`, `tipoffs`): the register in one format on standard output, and exit 3
/// when a deadline is missed.
struct DeadlineRegisterOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, html, xml, csv, json }

    @Option(name: .customLong("as-of"), help: "The day to judge deadlines on, YYYY-MM-DD (default: the last day of the latest month submitted).")
    var asOf: String?

    @Option(help: "Output format: table, html, xml, csv or json.")
    var format: Format = .table

    @OptionGroup var settings: SettingsOptions

    @OptionGroup var source: SourceOptions

    /// Prints the register `make` builds as of `--as-of`: `json` and `table` as the two
    /// functions write them, html, xml and csv by `write`; exits 3 when it is `overdue`.
    func print<Register>(
        make: (Pipeline, DataSource, Day?) async throws -> Register,
        json: (Register) -> String, table: (Register) -> String,
        write: (Pipeline, Register, ReportFormat, MemorySink) async throws -> Void,
        overdue: (Register) -> Bool
    ) async throws {
        let asOf = try Day.option(asOf, name: "--as-of")
        let register = try await Console.run {
            let pipeline = try settings.pipeline()
            return try await source.with(pipeline) { source in
                let register = try await make(pipeline, source, asOf)
                switch format {
                case .json: Console.out(json(register))
                case .table: Console.out(table(register))
                case .html, .xml, .csv:
                    let sink = MemorySink()
                    try await write(pipeline, register, ReportFormat(rawValue: format.rawValue)!, sink)
                    for file in sink.files { Console.out(bytes: file.bytes) }
                }
                return register
            }
        }
        if overdue(register) { throw ExitCode(3) }
    }
}
