import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchTestSupport
import Testing

/// The drill-down rows behind each figure add up to the figure, on the worked example and
/// on every month of a generated county.
@Suite("Rows behind a figure")
struct MetricRowsTests {
    static var example: Submission {
        get throws {
            let path = SharedFixtures.exampleXML
            return try #require(ReadBatch(paths: [path]).outcomes.first?.submission)
        }
    }

    func check(_ submission: Submission, window: Window) {
        let metrics = Metrics(submission: submission, window: window)
        for key in MetricKey.allCases {
            let rows = MetricRows(key, in: submission, window: window)
            switch key.value(in: metrics) {
            case .count(let n):
                let counted =
                    [.designated, .inspected, .randomSampled, .selfInspected, .handledInstitutions, .suspensions, .terminations].contains(key)
                    ? rows.institutions.count : rows.cases.count
                #expect(counted == n, "\(key): \(counted) rows for a figure of \(n)")
            case .money(let total):
                let sum: (CaseRecord) -> Money =
                    switch key {
                    case .amountInvolved: \.amountInvolved
                    case .refusedRecovered: { $0.amountRefused + $0.amountRecovered }
                    case .damagesFines: { $0.damages + $0.fine }
                    case .voluntaryRefund: \.voluntaryRefund
                    default: \.rewardPaid
                    }
                #expect(rows.cases.reduce(Money.zero) { $0 + sum($1) } == total, "\(key)")
            case .rate:
                let numerator = key == .coverageRate ? metrics.inspected : metrics.randomSampled
                #expect(rows.institutions.count == numerator, "\(key)")
            }
        }
    }

    @Test("on the worked example, month and year to date")
    func example() throws {
        let s = try Self.example
        check(s, window: try Window(to: YearMonth(year: 2026, month: 3)!))
        check(s, window: .yearToDate(YearMonth(year: 2026, month: 3)!))
        // The worked example's own figures (EXPECTED.md): 4 cases handled and 3 institutions inspected in Q1.
        let q1 = Window.yearToDate(YearMonth(year: 2026, month: 3)!)
        #expect(MetricRows(.handledCases, in: s, window: q1).cases.count == 4)
        let inspected = MetricRows(.inspected, in: s, window: q1)
        #expect(inspected.institutions.count == 3)
        #expect(inspected.inspections.allSatisfy { $0.method != .selfInspection })
        #expect(MetricRows(.selfInspected, in: s, window: q1).institutions.count == 1)
    }
}
