/// A case as the plausibility checks compare it between two months: dates, amounts,
/// violations and actions.
public struct CaseFacts: Hashable, Sendable {
    public let caseID: String
    public let openedOn: Day
    public let closedOn: Day?
    /// In the order of ``amountFields``.
    public let amounts: [Money]
    /// Violation codes in register order, `;`-joined as the register and the store write them.
    public let violations: String
    /// Action codes in register order, `;`-joined (empty: none).
    public let actions: String
    /// Whom the case is about: the amount checks compare an institution's case with
    /// institutions' cases only (an insured person's fraud is another scale).
    public let subjectType: SubjectType

    /// The case fields ``amounts`` holds, in order.
    public static let amountFields = ["amount_involved", "amount_refused", "amount_recovered", "damages", "fine", "voluntary_refund"]

    public init(
        caseID: String, openedOn: Day, closedOn: Day?, amounts: [Money], violations: String, actions: String, subjectType: SubjectType = .institution
    ) {
        self.subjectType = subjectType
        self.caseID = caseID
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.amounts = amounts
        self.violations = violations
        self.actions = actions
    }

    public init(_ record: CaseRecord) {
        self.init(
            caseID: record.caseID, openedOn: record.openedOn, closedOn: record.closedOn,
            amounts: [record.amountInvolved, record.amountRefused, record.amountRecovered, record.damages, record.fine, record.voluntaryRefund],
            violations: record.violations.map(\.code).joined(separator: ";"), actions: record.actions.map(\.code).joined(separator: ";"),
            subjectType: record.subjectType)
    }

    public var amountInvolved: Money { amounts[0] }
}
