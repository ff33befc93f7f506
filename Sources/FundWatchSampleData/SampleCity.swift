import Foundation
import FundWatchCore
import FundWatchZip

/// The fictional city of the bundled samples: six counties (division codes 9902xx), a
/// year of monthly returns (2025-11 … 2026-10) in every encoding, with the irregularities
/// a bureau really sees: late returns, a missing month, a county that has not yet sent
/// October (stale), a corrected second version, major cases with overdue notices, and a
/// tip-off register (举报线索台账) with steps on time, late and overdue.
public struct SampleCity: Sendable {
    /// How a county sends its returns.
    public enum Delivery: Sendable {
        case xml
        case csv(SubmissionCSVWriter.Encoding)
        case zip
    }

    public struct County: Sendable {
        public var code: String
        public var name: String
        public var preparedBy: String
        public var institutions: Int
        public var delivery: Delivery
    }

    public var seed: UInt64
    public var months: [YearMonth]
    public var counties: [County]

    /// The bundled sample city.
    public static func standard(seed: UInt64 = 2026) -> SampleCity {
        let first = YearMonth(year: 2025, month: 11)!
        var months = [first]
        while months.count < 12 { months.append(months.last!.next) }
        return SampleCity(
            seed: seed, months: months,
            counties: [
                County(code: "990201", name: "东湖区", preparedBy: "陈静", institutions: 160, delivery: .csv(.utf8)),
                County(code: "990202", name: "西山区", preparedBy: "刘洋", institutions: 120, delivery: .csv(.gbk)),
                County(code: "990203", name: "南河县", preparedBy: "王芳", institutions: 140, delivery: .xml),
                County(code: "990204", name: "北岭县", preparedBy: "赵磊", institutions: 90, delivery: .xml),
                County(code: "990205", name: "青川县", preparedBy: "孙敏", institutions: 70, delivery: .zip),
                County(code: "990206", name: "白沙县", preparedBy: "周强", institutions: 110, delivery: .csv(.utf8BOM)),
            ])
    }

    /// One return as the bureau receives it.
    public struct Return: Sendable {
        public var county: County
        public var submission: Submission
        /// `v2` for a corrected re-send.
        public var version: Int
    }

    /// Every return of the sample year, in the order they arrive per county.
    public func returns() -> [Return] {
        var out: [Return] = []
        for (index, county) in counties.enumerated() {
            var random = SeededRandom(seed: seed &* 1_000_003 &+ UInt64(index))
            var history = CountyHistory(code: county.code, name: county.name, size: county.institutions, months: months, random: &random)
            // The tip-offs from a stream of their own: the other registers stay as they were before them.
            var tipoffRandom = SeededRandom(seed: seed &* 7_000_003 &+ 0x7150 &+ UInt64(index))
            history.addTipoffs(months: months, random: &tipoffRandom)
            for month in months {
                guard let day = sendDay(county: county, month: month, random: &random) else { continue }
                let submittedOn = month.next.firstDay.adding(days: day - 1)
                out.append(
                    Return(county: county, submission: history.snapshot(month, preparedBy: county.preparedBy, submittedOn: submittedOn), version: 1))
                if county.code == "990202" && month == months[months.count - 2] {
                    // 西山区 corrects its September return ten days later: one case's recovery is updated.
                    var corrected = history.snapshot(month, preparedBy: county.preparedBy, submittedOn: submittedOn.adding(days: 10))
                    if let i = corrected.cases.lastIndex(where: { $0.closedOn != nil && $0.amountRecovered.fen > 0 }) {
                        corrected.cases[i].amountRecovered = corrected.cases[i].amountInvolved - corrected.cases[i].amountRefused
                    }
                    out.append(Return(county: county, submission: corrected, version: 2))
                }
            }
        }
        return out
    }

    /// Day of the following month the return is sent, or nil when it is never sent.
    private func sendDay(county: County, month: YearMonth, random: inout SeededRandom) -> Int? {
        let last = months[months.count - 1]
        switch county.code {
        case "990203": return random.chance(0.4) ? random.int(6...12) : random.int(1...5)  // often late
        case "990205":
            if month == last || month == YearMonth(year: 2026, month: 7)! { return nil }  // July never sent; October not yet
            return random.int(2...5)
        case "990206": return month == last ? 9 : random.int(1...5)  // October sent late
        default: return random.int(1...5)
        }
    }

    /// Writes every return under `directory`, one folder per county.
    public func write(to directory: String) throws -> [String] {
        var written: [String] = []
        for r in returns() {
            let h = r.submission.header
            let folder = directory + "/\(h.countyCode)-\(h.countyName)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let base = "\(h.countyCode)-\(h.period)" + (r.version > 1 ? "-v\(r.version)" : "")
            switch r.county.delivery {
            case .xml:
                let path = folder + "/\(base).xml"
                try SubmissionXMLWriter().write(r.submission, to: path)
                written.append(path)
            case .csv(let encoding):
                let path = folder + "/\(base)-csv"
                try SubmissionCSVWriter(encoding: encoding).write(r.submission, to: path)
                written.append(path)
            case .zip:
                let path = folder + "/\(base).zip"
                try Self.zip(SubmissionCSVWriter(encoding: .utf8).files(r.submission), folder: "\(base)-csv", to: path)
                written.append(path)
            }
        }
        return written
    }

    /// A zip of one CSV folder, with fixed entry dates so the bytes never change.
    static func zip(_ files: [(name: String, bytes: [UInt8])], folder: String, to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        try ZipWriter.write(files.map { ("\(folder)/\($0.name)", $0.bytes) }, to: path)
    }
}
