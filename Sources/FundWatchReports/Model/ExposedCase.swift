import FundWatchCore

/// A case exposed to the public (曝光), as the bulletin shows it: institution, violations,
/// handling and amounts. It holds no person: no reporter, no facts text.
public struct ExposedCase: Sendable, Equatable {
    public var countyName: String
    public var institutionName: String
    public var categoryLabel: String
    public var violations: [Violation]
    public var actions: [AgreementAction]
    public var amountInvolved: Money
    /// Refused and recovered.
    public var recovered: Money
    /// Damages and fines.
    public var penalties: Money
    public var exposedOn: Day

    init(record c: CaseRecord, countyName: String, institution: Institution?) {
        self.countyName = countyName
        institutionName = institution?.name ?? c.institutionCode
        categoryLabel = institution?.category.label ?? ""
        violations = c.violations
        actions = c.actions
        amountInvolved = c.amountInvolved
        recovered = c.amountRefused + c.amountRecovered
        penalties = c.damages + c.fine
        exposedOn = c.exposedOn!
    }
}
