/// One case (查处案件) of the county's case register (查处台账).
public struct CaseRecord: Sendable, Hashable {
    /// The county's own case number, unique in a submission.
    public var caseID: String
    public var institutionCode: String
    /// 立案/查处 date.
    public var openedOn: Day
    /// 办结 date, nil while open.
    public var closedOn: Day?
    public var source: CaseSource
    /// At least one.
    public var violations: [Violation]
    /// 涉及金额.
    public var amountInvolved: Money
    /// 拒付金额.
    public var amountRefused: Money
    /// 追回金额.
    public var amountRecovered: Money
    /// 违约金.
    public var damages: Money
    /// 行政罚款.
    public var fine: Money
    /// 自查自纠主动退回.
    public var voluntaryRefund: Money
    /// 处理方式; may be empty while open.
    public var actions: [AgreementAction]
    /// Months of suspension; set exactly when `actions` holds `suspend`.
    public var suspensionMonths: Int?
    public var policeTransferOn: Day?
    public var disciplineTransferOn: Day?
    public var exposedOn: Day?
    /// 可能引起舆论关注.
    public var publicAttention: Bool
    /// 要情报告报送 date.
    public var noticeSubmittedOn: Day?
    /// 举报人: stored, never shown.
    public var reporter: Confidential
    /// 举报奖励.
    public var rewardPaid: Money
    /// 发现过程.
    public var discovery: String
    /// 违法违规事实.
    public var facts: String
    /// 处理结果.
    public var outcome: String
    /// 处理依据.
    public var basis: String
    /// Whom the case is about: a designated institution (the default), an insured person,
    /// an agency, a physician or another; `institutionCode` is set exactly for an institution.
    public var subjectType: SubjectType = .institution
    /// The physician's number (医保医师编码), for a physician's case.
    public var physicianID: String?
    /// 医保医师记分: 1, 2, 3, 4, 6 or 12 points, for a physician's case.
    public var points: Int?

    /// The points a physician's case may carry (医保医师记分).
    public static let allowedPoints = [1, 2, 3, 4, 6, 12]

    public init(
        caseID: String, institutionCode: String, openedOn: Day, closedOn: Day? = nil,
        source: CaseSource, violations: [Violation],
        amountInvolved: Money = .zero, amountRefused: Money = .zero, amountRecovered: Money = .zero,
        damages: Money = .zero, fine: Money = .zero, voluntaryRefund: Money = .zero,
        actions: [AgreementAction] = [], suspensionMonths: Int? = nil,
        policeTransferOn: Day? = nil, disciplineTransferOn: Day? = nil, exposedOn: Day? = nil,
        publicAttention: Bool = false, noticeSubmittedOn: Day? = nil,
        reporter: Confidential = Confidential(""), rewardPaid: Money = .zero,
        discovery: String = "", facts: String = "", outcome: String = "", basis: String = ""
    ) {
        self.caseID = caseID
        self.institutionCode = institutionCode
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.source = source
        self.violations = violations
        self.amountInvolved = amountInvolved
        self.amountRefused = amountRefused
        self.amountRecovered = amountRecovered
        self.damages = damages
        self.fine = fine
        self.voluntaryRefund = voluntaryRefund
        self.actions = actions
        self.suspensionMonths = suspensionMonths
        self.policeTransferOn = policeTransferOn
        self.disciplineTransferOn = disciplineTransferOn
        self.exposedOn = exposedOn
        self.publicAttention = publicAttention
        self.noticeSubmittedOn = noticeSubmittedOn
        self.reporter = reporter
        self.rewardPaid = rewardPaid
        self.discovery = discovery
        self.facts = facts
        self.outcome = outcome
        self.basis = basis
    }
}

extension CaseRecord {
    /// FORMAT.md's only warning: refused + recovered exceeds the amount involved.
    public var amountsExceedInvolved: Bool { amountRefused + amountRecovered > amountInvolved }
}

extension Submission {
    /// Consistency warnings in the registers (rows whose amounts exceed the amount involved).
    public var consistencyWarnings: Int { cases.filter(\.amountsExceedInvolved).count }
    /// Rows in the three registers the consistency warnings are counted over (the evaluation's
    /// data quality); the tip-off register is left out, so scores stay comparable.
    public var rowCount: Int { institutions.count + inspections.count + cases.count }
}
