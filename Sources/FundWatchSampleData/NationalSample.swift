import Foundation
import FundWatchCore
import Synchronization

/// Large, realistic data for benchmarks: `counties` counties of `perCounty` institutions
/// each, one return per county for October 2026 (registers since January), as CSV folders
/// or XML files. With 2,800 × 360: about 1 M institutions, 1.6 M inspections, 250 k cases,
/// 190 MB of CSV. Deterministic for a seed; counties are generated in parallel.
public struct NationalSample: Sendable {
    public var counties: Int
    public var perCounty: Int
    public var seed: UInt64
    public var xml: Bool
    public var mix: SampleMix
    public var period = YearMonth(year: 2026, month: 10)!
    /// Also each county's return for the month before, from the same registers, into
    /// `previous/` (the previous month in a store, for measuring the plausibility checks).
    public var previousMonth = false

    public init(counties: Int, perCounty: Int, seed: UInt64, xml: Bool, mix: SampleMix = .standard) {
        self.counties = counties
        self.perCounty = perCounty
        self.seed = seed
        self.xml = xml
        self.mix = mix
    }

    /// Division code of county `index` (0-based): `9` and five digits, so up to 99,999 counties.
    public static func code(_ index: Int) -> String { "9" + zeroPadded(index + 1, 5) }

    /// Writes every county's return under `directory`; returns how many were written.
    public func write(to directory: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let months = (1...period.month).map { YearMonth(year: period.year, month: $0)! }
        let failures = FailureBox()
        DispatchQueue.concurrentPerform(iterations: counties) { index in
            var random = SeededRandom(seed: seed &* 6_364_136_223_846_793_005 &+ UInt64(index))
            let code = Self.code(index)
            // 16 inspections a month per hundred institutions gives ~1.6 inspections per institution a year to October.
            let history = CountyHistory(
                code: code, name: "县\(zeroPadded(index + 1, 5))", size: perCounty, months: months,
                visitsPerHundred: 16, mix: mix, random: &random)
            let submission = history.snapshot(period, preparedBy: "填报人", submittedOn: period.next.firstDay.adding(days: random.int(0...6)))
            do {
                if previousMonth {
                    let before = history.snapshot(period.previous, preparedBy: "填报人", submittedOn: period.firstDay.adding(days: 2))
                    try FileManager.default.createDirectory(atPath: directory + "/previous", withIntermediateDirectories: true)
                    try SubmissionCSVWriter(encoding: .utf8).write(before, to: "\(directory)/previous/\(code)-\(period.previous)-csv")
                }
                if xml {
                    try SubmissionXMLWriter().write(submission, to: "\(directory)/\(code)-\(period).xml")
                } else {
                    // Every (100 ÷ gbk%)-th county in GBK, spread evenly.
                    let gbk = mix.gbkPercent > 0 && (index * mix.gbkPercent) % 100 + mix.gbkPercent >= 100
                    try SubmissionCSVWriter(encoding: gbk ? .gbk : .utf8).write(submission, to: "\(directory)/\(code)-\(period)-csv")
                }
            } catch {
                failures.record("\(code): \(error)")
            }
        }
        if let first = failures.first { throw SubmissionXMLWriter.Failure(path: first) }
        return counties
    }
}

/// Collects failures from concurrent workers.
final class FailureBox: Sendable {
    private let messages = Mutex<[String]>([])

    func record(_ message: String) { messages.withLock { $0.append(message) } }
    var first: String? { messages.withLock { $0.first } }
}
