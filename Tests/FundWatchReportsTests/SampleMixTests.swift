import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchSampleData
import FundWatchTestSupport
import Testing

/// The benchmark data's mix knobs do what they say, and the standard mix is unchanged.
@Suite("Benchmark data mixes")
struct SampleMixTests {
    func generate(_ mix: SampleMix) throws -> (String, [Submission], [ReadOutcome<Submission>]) {
        let out = Scratch.root + "/mix-" + UUID().uuidString
        _ = try NationalSample(counties: 8, perCounty: 120, seed: 7, xml: false, mix: mix).write(to: out)
        let batch = SubmissionReader().read([.path(out)], summarising: { $0 })
        return (out, batch.outcomes.compactMap(\.payload), batch.outcomes)
    }

    @Test("heavy: about four times the major cases, long case texts; knobs for GBK files and warnings")
    func knobs() throws {
        let (_, standard, _) = try generate(.standard)
        let (_, heavy, _) = try generate(.heavy)
        func severe(_ s: [Submission]) -> Int { s.flatMap(\.cases).filter { $0.amountInvolved >= Money(fen: 10_000_000) }.count }
        #expect(severe(heavy) >= 3 * severe(standard), "\(severe(heavy)) vs \(severe(standard))")
        #expect(heavy.flatMap(\.cases).allSatisfy { $0.facts.count >= 120 && $0.basis.count >= 120 })
        #expect(standard.flatMap(\.cases).allSatisfy { $0.facts.count < 120 })

        var mix = SampleMix.standard
        mix.gbkPercent = 25
        mix.warningsPerFile = 2
        let (folder, _, outcomes) = try generate(mix)
        let gbk = try FileManager.default.contentsOfDirectory(atPath: folder).filter { name in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name + "/institutions.csv"))
            return String(data: bytes, encoding: .utf8) == nil
        }
        #expect(gbk.count == 2, "a quarter of 8 counties in GBK")
        #expect(outcomes.allSatisfy { $0.findings.warningCount >= 2 && $0.findings.errorCount == 0 })
    }
}
