import FundWatchCore

/// What the tables need from one county's submission, computed once (on any core).
struct CountyFigures: Sendable {
    var period: Metrics
    var yearToDate: Metrics
    var byCategory: [InstitutionCategory: Metrics]
    var casesInWindow: [CaseRecord]
    var notices: [MajorCaseNotice]

    init(submission: Submission, input: ReportInput) {
        let window = input.window
        period = Metrics(submission: submission, window: window)
        yearToDate = Metrics(submission: submission, window: .yearToDate(window.to))
        var byCategory: [InstitutionCategory: Metrics] = [:]
        for category in InstitutionCategory.allCases {
            byCategory[category] = Metrics(submission: submission, window: window, including: { $0.category == category })
        }
        self.byCategory = byCategory
        casesInWindow = submission.cases.filter { window.contains($0.openedOn) }
        notices = MajorCaseNotice.all(in: submission, policy: input.policy, asOf: input.asOf)
    }
}
