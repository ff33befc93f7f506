import FundWatchTemplating

/// What the notice templates (`notice.html`, `notice.xml`) have in scope: the county, the
/// institution, the case with its dates, facts, outcome and basis, why it is a major case,
/// its deadline and status, and the amounts. The reporter is deliberately not among them.
struct NoticeView: TemplateModel {
    let countyCode: String
    let countyName: String
    let institutionCode: String
    let institutionName: String
    let category: String
    let caseID: String
    let source: String
    let violations: String
    let actions: String
    let hasActions: Bool
    let reasons: String
    let reasonList: [Reason]
    let openedOn: String
    let hasClosedOn: Bool
    let closedOn: String
    let hasPoliceTransferOn: Bool
    let policeTransferOn: String
    let hasDisciplineTransferOn: Bool
    let disciplineTransferOn: String
    let hasTrigger: Bool
    let trigger: String
    let due: String
    let hasSent: Bool
    let sent: String
    let status: String
    let statusLabel: String
    let hasDaysLeft: Bool
    let daysLeft: Int
    let hasDaysOver: Bool
    let daysOver: Int
    let discovery: String
    let facts: String
    let outcome: String
    let basis: String
    let amounts: [Amount]
    let asOf: String

    /// Why the case is a major case.
    struct Reason: TemplateModel {
        let code: String
        let label: String
    }

    /// An amount in 万元 and in 元.
    struct Amount: TemplateModel {
        let key: String
        let label: String
        let wan: String
        let yuan: String
    }
}
