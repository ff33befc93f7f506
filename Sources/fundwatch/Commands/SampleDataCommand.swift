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

    @Flag(help: "Benchmark mode: also each county's September return, from the same registers, under OUT/previous (CSV).")
    var previous = false

    @Option(
        name: .customLong("mix"), help: "Benchmark mode: the data mix, standard or heavy (4× the major cases, case texts of 120 characters or more).")
    var mixName = "standard"

    @Option(name: .customLong("major-share"), help: "Benchmark mode: the chance a case is major (severe), 0–1 (standard 0.07).")
    var majorShare: Double?

    @Option(name: .customLong("case-share"), help: "Benchmark mode: the chance an inspection with problems opens a case, 0–1 (standard 0.55).")
    var caseShare: Double?

    @Option(name: .customLong("text-length"), help: "Benchmark mode: pad each case text to at least this many characters (standard 0).")
    var textLength: Int?

    @Option(name: .customLong("gbk-percent"), help: "Benchmark mode: the share of counties written in GBK, in percent (standard 0).")
    var gbkPercent: Int?

    @Option(name: .customLong("warnings-per-file"), help: "Benchmark mode: cases per county that recover more than they involve (a warning each).")
    var warningsPerFile: Int?

    /// The mix the options ask for.
    func mix() throws -> SampleMix {
        var mix: SampleMix
        switch mixName {
        case "standard": mix = .standard
        case "heavy": mix = .heavy
        default: throw ValidationError("--mix must be standard or heavy")
        }
        if let majorShare {
            guard (0...1).contains(majorShare) else { throw ValidationError("--major-share must be 0–1") }
            mix.majorShare = majorShare
        }
        if let caseShare {
            guard (0...1).contains(caseShare) else { throw ValidationError("--case-share must be 0–1") }
            mix.caseShare = caseShare
        }
        if let textLength {
            guard (0...100_000).contains(textLength) else { throw ValidationError("--text-length must be 0–100000") }
            mix.textLength = textLength
        }
        if let gbkPercent {
            guard (0...100).contains(gbkPercent) else { throw ValidationError("--gbk-percent must be 0–100") }
            mix.gbkPercent = gbkPercent
        }
        if let warningsPerFile {
            guard (0...10_000).contains(warningsPerFile) else { throw ValidationError("--warnings-per-file must be 0–10000") }
            mix.warningsPerFile = warningsPerFile
        }
        return mix
    }

    func run() throws {
        if let counties {
            guard (1...99_999).contains(counties), (10...100_000).contains(perCounty) else {
                throw ValidationError("--counties must be 1…99999 and --per-county 10…100000")
            }
            var sample = NationalSample(counties: counties, perCounty: perCounty, seed: seed, xml: xml, mix: try mix())
            sample.previousMonth = previous
            let n = try sample.write(to: out)
            Console.out("wrote \(n) submissions (\(perCounty) institutions each) under \(out)\n")
            return
        }
        let written = try SampleCity.standard(seed: seed).write(to: out)
        Console.out("wrote \(written.count) submissions under \(out)\n")
    }
}
