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
            cases. The bundled samples/city was made with: fundwatch sample-data --out samples/city. With --counties N \
            [--per-county M] [--xml]: large data for benchmarks (2,800 × 360 ≈ 190 MB of CSV).
            """
    )

    @Option(help: "Folder to write into (created if needed; existing sample files are replaced).")
    var out: String

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 2026

    @Option(help: "Benchmark mode: this many counties (codes 900001…), one October 2026 return each.")
    var counties: Int?

    @Option(name: .customLong("per-county"), help: "Benchmark mode: designated institutions per county.")
    var perCounty: Int = 360

    @Flag(help: "Benchmark mode: write XML files instead of CSV folders.")
    var xml = false

    func run() throws {
        if let counties {
            guard (1...99_999).contains(counties), (10...100_000).contains(perCounty) else {
                throw ValidationError("--counties must be 1…99999 and --per-county 10…100000")
            }
            let n = try NationalSample(counties: counties, perCounty: perCounty, seed: seed, xml: xml).write(to: out)
            Console.out("wrote \(n) submissions (\(perCounty) institutions each) under \(out)\n")
            return
        }
        let written = try SampleCity.standard(seed: seed).write(to: out)
        Console.out("wrote \(written.count) submissions under \(out)\n")
    }
}
