import FundWatchCore

/// Everything the report tables need from one county's chosen submission, for one
/// window, report date and policy — computed once, right after the submission is read,
/// so the submission's rows can be dropped. A national report holds 2,800 summaries,
/// never 2,800 registers.
public struct CountySummary: Sendable {
    /// Metrics over the window (本期).
    public var period: Metrics
    /// Metrics from January to the window's last month (累计).
    public var yearToDate: Metrics
    /// Window metrics per institution category (table 2).
    public var byCategory: [InstitutionCategory: Metrics]
    /// Cases opened in the window per violation type (table 3); a case with two types counts under both.
    public var byViolation: [Violation: CaseTally]
    /// Cases opened in the window, each once (table 3's total).
    public var allCases: CaseTally
    /// Cases opened in the window per agreement action, with the institutions involved (table 4).
    public var byAction: [AgreementAction: ActionTally]
    /// Cases opened in the window with any action, each once (table 4's total).
    public var anyAction: ActionTally
    /// Every major case of the submission (table 5, notices, evaluation).
    public var notices: [MajorCaseNotice]
    /// Cases whose amounts exceed the amount involved (a consistency warning each).
    public var consistencyWarnings: Int
    /// Rows in the three registers.
    public var rowCount: Int
    /// Cases exposed in the window, for the publicity bulletin: nothing personal.
    public var exposedCases: [ExposedCase]

    /// Summarises `submission` for a report over `window` made on `asOf`.
    public init(submission: Submission, window: Window, asOf: Day, policy: Policy) {
        // One pass for the categories over the window and the year to date; each total is the
        // sum of its categories (categories never share an institution).
        let grouped = Metrics.grouped(submission, windows: [window, .yearToDate(window.to)], by: \.category)
        byCategory = grouped[0]
        period = Metrics.sum(InstitutionCategory.allCases.compactMap { grouped[0][$0] })
        yearToDate = Metrics.sum(InstitutionCategory.allCases.compactMap { grouped[1][$0] })

        let opened = submission.cases.filter { window.contains($0.openedOn) }
        var byViolation: [Violation: CaseTally] = [:]
        for violation in Violation.allCases {
            byViolation[violation] = CaseTally(opened.filter { $0.violations.contains(violation) })
        }
        self.byViolation = byViolation
        allCases = CaseTally(opened)
        var byAction: [AgreementAction: ActionTally] = [:]
        for action in AgreementAction.allCases {
            byAction[action] = ActionTally(opened.filter { $0.actions.contains(action) })
        }
        self.byAction = byAction
        anyAction = ActionTally(opened.filter { !$0.actions.isEmpty })

        notices = MajorCaseNotice.all(in: submission, policy: policy, asOf: asOf)
        consistencyWarnings = submission.consistencyWarnings
        rowCount = submission.rowCount
        let exposed = submission.cases.filter { window.contains($0.exposedOn) }
        if exposed.isEmpty {
            exposedCases = []
        } else {
            let institutions = Dictionary(submission.institutions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            exposedCases = exposed.map { ExposedCase(record: $0, countyName: submission.header.countyName, institution: institutions[$0.institutionCode]) }
        }
    }
}

/// A number of cases and the amount they involve.
public struct CaseTally: Sendable, Equatable {
    public var cases: Int
    public var amountInvolved: Money

    init(_ records: [CaseRecord]) {
        cases = records.count
        amountInvolved = records.reduce(.zero) { $0 + $1.amountInvolved }
    }

    public init(cases: Int, amountInvolved: Money) {
        self.cases = cases
        self.amountInvolved = amountInvolved
    }

    public static func + (a: CaseTally, b: CaseTally) -> CaseTally {
        CaseTally(cases: a.cases + b.cases, amountInvolved: a.amountInvolved + b.amountInvolved)
    }
}

/// A number of cases and of the distinct institutions they concern (within one county).
public struct ActionTally: Sendable, Equatable {
    public var cases: Int
    public var institutions: Int

    init(_ records: [CaseRecord]) {
        cases = records.count
        institutions = Set(records.map(\.institutionCode)).count
    }

    public init(cases: Int, institutions: Int) {
        self.cases = cases
        self.institutions = institutions
    }

    public static func + (a: ActionTally, b: ActionTally) -> ActionTally {
        ActionTally(cases: a.cases + b.cases, institutions: a.institutions + b.institutions)
    }
}

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
