import ArgumentParser
import Foundation
import FundWatchSampleData

struct SampleDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-data",
        abstract: "Generate the fictional sample city (deterministic: the same seed gives the same bytes).",
        discussion: """
            Six counties (990201–990206), monthly returns 2025-11 … 2026-10, as CSV (UTF-8, UTF-8 with BOM, GBK), \
            XML and zip; with late returns, a missing month, a stale county, a corrected second version and major \
            cases. The bundled samples/city was made with: fundwatch sample-data --out samples/city
            """
    )

    @Option(help: "Folder to write into (created if needed; existing sample files are replaced).")
    var out: String

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 2026

    func run() throws {
        let written = try SampleCity.standard(seed: seed).write(to: out)
        Console.out("wrote \(written.count) submissions under \(out)\n")
    }
}
