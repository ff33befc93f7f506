import FundWatchCore

/// The major-case notice (要情报告) for one case: what the county reports to the city
/// bureau within a week — county, institution, case, dates, how it was found, the facts,
/// the outcome and its basis, and the amounts. Never the reporter.
public struct NoticeDocument: Sendable {
    public var notice: MajorCaseNotice
    public var record: CaseRecord
    public var institution: Institution
    public var asOf: Day

    /// Finds `caseID` of county `countyCode` among chosen submissions.
    public init?(countyCode: String, caseID: String, in submissions: [Submission], policy: Policy, asOf: Day) {
        guard let submission = submissions.first(where: { $0.header.countyCode == countyCode }),
            let record = submission.cases.first(where: { $0.caseID == caseID }),
            let institution = submission.institutions.first(where: { $0.code == record.institutionCode }),
            let notice = MajorCaseNotice(
                record: record, countyCode: countyCode, countyName: submission.header.countyName,
                institutionName: institution.name, policy: policy, asOf: asOf)
        else { return nil }
        self.notice = notice
        self.record = record
        self.institution = institution
        self.asOf = asOf
    }

    /// The values the notice templates place. The reporter is deliberately not among them.
    func viewModel() -> NoticeView {
        func day(_ d: Day?) -> String { d?.description ?? "" }
        let amounts: [(String, String, Money)] = [
            ("amount_involved", "涉及金额", record.amountInvolved), ("amount_refused", "拒付金额", record.amountRefused),
            ("amount_recovered", "追回金额", record.amountRecovered), ("damages", "违约金", record.damages),
            ("fine", "行政罚款", record.fine), ("voluntary_refund", "主动退回", record.voluntaryRefund),
        ]
        return NoticeView(
            countyCode: notice.countyCode, countyName: notice.countyName, institutionCode: institution.code,
            institutionName: institution.name, category: institution.category.label, caseID: record.caseID, source: record.source.label,
            violations: record.violations.map(\.label).joined(separator: "、"), actions: record.actions.map(\.label).joined(separator: "、"),
            hasActions: !record.actions.isEmpty, reasons: notice.reasons.map(\.label).joined(separator: "、"),
            reasonList: notice.reasons.map { NoticeView.Reason(code: $0.rawValue, label: $0.label) }, openedOn: day(record.openedOn),
            hasClosedOn: record.closedOn != nil, closedOn: day(record.closedOn), hasPoliceTransferOn: record.policeTransferOn != nil,
            policeTransferOn: day(record.policeTransferOn), hasDisciplineTransferOn: record.disciplineTransferOn != nil,
            disciplineTransferOn: day(record.disciplineTransferOn), hasTrigger: notice.trigger != nil, trigger: day(notice.trigger),
            due: day(notice.due), hasSent: notice.sent != nil, sent: day(notice.sent), status: notice.status.rawValue,
            statusLabel: notice.status.label, hasDaysLeft: notice.daysLeft != nil, daysLeft: notice.daysLeft ?? 0,
            hasDaysOver: notice.daysOver != nil, daysOver: notice.daysOver ?? 0, discovery: record.discovery, facts: record.facts,
            outcome: record.outcome, basis: record.basis,
            amounts: amounts.map { NoticeView.Amount(key: $0.0, label: $0.1, wan: $0.2.wanString, yuan: $0.2.yuanString) },
            asOf: asOf.description)
    }
}
