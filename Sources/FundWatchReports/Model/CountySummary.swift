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
    /// Cases opened in the window whose actions suspend the agreement, by the months of the
    /// suspension (1, 2, 4, 6; 0 for any other length): table 4's 中止协议 rows.
    public var suspensionsByMonths: [Int: ActionTally]

    /// The lengths of suspension table 4 counts (the agreement rules' tiers); others count under 0.
    public static let suspensionTiers = [1, 2, 4, 6]
    /// Every major case of the submission (table 5, notices, evaluation).
    public var notices: [MajorCaseNotice]
    /// Every tip-off received by the report date, with its deadlines (the tip-off register).
    public var tipoffs: [TipoffStatus]
    /// The window's tip-off figures (table 7, the bulletin, the evaluation).
    public var tipoffFigures: TipoffFigures
    /// The tip-off figures from January to the window's last month (the bulletin's year line).
    public var tipoffFiguresYearToDate: TipoffFigures
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

        // Tables 3 and 4 in one pass over the cases opened in the window (no case copied).
        var byViolation = Dictionary(uniqueKeysWithValues: Violation.allCases.map { ($0, CaseTally(cases: 0, amountInvolved: .zero)) })
        var allCases = CaseTally(cases: 0, amountInvolved: .zero)
        var actionCases = Dictionary(uniqueKeysWithValues: AgreementAction.allCases.map { ($0, 0) })
        var actionSubjects = Dictionary(uniqueKeysWithValues: AgreementAction.allCases.map { ($0, SubjectCounts()) })
        var actionInstitutions = Dictionary(uniqueKeysWithValues: AgreementAction.allCases.map { ($0, Set<String>()) })
        var anyActionCases = 0
        var anyActionSubjects = SubjectCounts()
        var anyActionInstitutions = Set<String>()
        var suspensionCases: [Int: Int] = [:]
        var suspensionInstitutions: [Int: Set<String>] = [:]
        for index in submission.cases.indices where window.contains(submission.cases[index].openedOn) {
            let amount = submission.cases[index].amountInvolved
            let subject = submission.cases[index].subjectType
            allCases.cases += 1
            allCases.amountInvolved += amount
            allCases.bySubject[subject] += 1
            for violation in submission.cases[index].violations {
                byViolation[violation]!.cases += 1
                byViolation[violation]!.amountInvolved += amount
                byViolation[violation]!.bySubject[subject] += 1
            }
            let actions = submission.cases[index].actions
            guard !actions.isEmpty else { continue }
            // Institutions are counted for an institution's case only.
            let institution = subject == .institution ? submission.cases[index].institutionCode : nil
            for action in actions {
                actionCases[action]! += 1
                actionSubjects[action]![subject] += 1
                if let institution { actionInstitutions[action]!.insert(institution) }
            }
            anyActionCases += 1
            anyActionSubjects[subject] += 1
            if let institution { anyActionInstitutions.insert(institution) }
            if actions.contains(.suspend) {
                let months = submission.cases[index].suspensionMonths ?? 0
                let tier = Self.suspensionTiers.contains(months) ? months : 0
                suspensionCases[tier, default: 0] += 1
                if let institution { suspensionInstitutions[tier, default: []].insert(institution) }
            }
        }
        self.byViolation = byViolation
        self.allCases = allCases
        byAction = Dictionary(
            uniqueKeysWithValues: AgreementAction.allCases.map {
                var tally = ActionTally(cases: actionCases[$0]!, institutions: actionInstitutions[$0]!.count)
                tally.bySubject = actionSubjects[$0]!
                return ($0, tally)
            })
        anyAction = ActionTally(cases: anyActionCases, institutions: anyActionInstitutions.count)
        anyAction.bySubject = anyActionSubjects
        suspensionsByMonths = Dictionary(
            uniqueKeysWithValues: ([0] + Self.suspensionTiers).map {
                ($0, ActionTally(cases: suspensionCases[$0] ?? 0, institutions: suspensionInstitutions[$0]?.count ?? 0))
            })

        notices = MajorCaseNotice.all(in: submission, policy: policy, asOf: asOf)
        tipoffs = TipoffStatus.all(in: submission, settings: policy.tipoffs, asOf: asOf)
        tipoffFigures = TipoffFigures(tipoffs: submission.tipoffs, window: window, asOf: asOf, settings: policy.tipoffs)
        tipoffFiguresYearToDate = TipoffFigures(tipoffs: submission.tipoffs, window: .yearToDate(window.to), asOf: asOf, settings: policy.tipoffs)
        consistencyWarnings = submission.consistencyWarnings
        rowCount = submission.rowCount
        exposedCases = submission.cases.indices.compactMap { index in
            guard window.contains(submission.cases[index].exposedOn) else { return nil }
            let record = submission.cases[index]
            let institution = submission.institutions.first { $0.code == record.institutionCode }
            return ExposedCase(record: record, countyName: submission.header.countyName, institution: institution)
        }
    }
}
