import ArgumentParser
import FundWatchCore
import FundWatchPipeline
import FundWatchReports

struct TipoffsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tipoffs",
        abstract: "The tip-off register (举报线索台账) with each step's deadline in working days, most urgent first; exit 3 if any step is overdue.",
        discussion: """
            Each county's current return for the month of --as-of is used (or its latest earlier one). Steps: decide \
            (received_on → decided_on), inform (decided_on → informed_on, real-name only), close (decided_on → closed_on, \
            filed only), feedback (closed_on → feedback_on, filed and real-name). Working days per step: [tipoffs] in --config; \
            which days are working days: [calendar] file = "holidays.csv" (rows date,kind with kind holiday or workday). \
            Exit status: 0 nothing overdue, 3 at least one step overdue, 1 bad input. The reporter never appears.
            """
    )

    @OptionGroup var options: DeadlineRegisterOptions

    func run() async throws {
        try await options.print(
            make: { pipeline, source, asOf in try await pipeline.tipoffRegister(source, asOf: asOf) },
            json: { TipoffsJSON.document($0.tipoffs, asOf: $0.asOf).serialized() },
            table: { TipoffsText.render($0.tipoffs, asOf: $0.asOf) },
            write: { pipeline, register, format, sink in _ = try await pipeline.write(register, format: format, into: sink) },
            overdue: \.hasOverdue)
    }
}
