import FundWatchCore

/// What the plausibility checks need of one return, kept instead of the return itself: a
/// batch of a whole city's year is read with every return reduced to this (no case texts,
/// no reporter), and a store gives it for the months before.
public struct ReturnProfile: Sendable, Hashable {
    public let countyCode: String
    public let period: YearMonth
    /// Rows in the institutions register.
    let institutionCount: Int
    /// The cases in register order.
    let cases: [CaseFacts]
    /// The inspections in register order.
    let inspections: [InspectionKey]
    /// The month's own figures (window: the period alone), by metric, as integers (fen for money).
    let month: [MetricKey: Int64]

    /// The amounts involved of its cases that have one.
    public var caseAmounts: [Money] { cases.map(\.amountInvolved).filter { $0.fen > 0 } }

    public init(_ submission: Submission) {
        countyCode = submission.header.countyCode
        period = submission.header.period
        institutionCount = submission.institutions.count
        cases = submission.cases.map(CaseFacts.init)
        inspections = submission.inspections.map(InspectionKey.init)
        let metrics = Metrics(submission: submission, window: .month(period))
        month = Dictionary(uniqueKeysWithValues: OutlierCheck.metrics.map { ($0, OutlierCheck.amount($0.value(in: metrics))) })
    }
}

/// A case as the checks compare it: dates, amounts, violations and actions.
struct CaseFacts: Hashable, Sendable {
    let caseID: String
    let openedOn: Day
    let closedOn: Day?
    /// amount_involved, amount_refused, amount_recovered, damages, fine, voluntary_refund.
    let amounts: [Money]
    let violations: [String]
    let actions: [String]

    static let amountFields = ["amount_involved", "amount_refused", "amount_recovered", "damages", "fine", "voluntary_refund"]

    init(_ record: CaseRecord) {
        caseID = record.caseID
        openedOn = record.openedOn
        closedOn = record.closedOn
        amounts = [record.amountInvolved, record.amountRefused, record.amountRecovered, record.damages, record.fine, record.voluntaryRefund]
        violations = record.violations.map(\.code)
        actions = record.actions.map(\.code)
    }

    var amountInvolved: Money { amounts[0] }
}

/// An inspection's identity for comparing two months: institution, day and method (two
/// visits of one kind on one day count twice).
struct InspectionKey: Hashable, Sendable {
    let institutionCode: String
    let day: Day
    let method: String

    init(_ inspection: Inspection) {
        institutionCode = inspection.institutionCode
        day = inspection.inspectedOn
        method = inspection.method.code
    }

    /// `H99010100001/2026-01-15`, the key of a finding.
    var text: String { "\(institutionCode)/\(day)" }
}
