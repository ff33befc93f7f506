import FundWatchTemplating

/// A stored upload's 审核报告, as it was answered.
struct UploadViewPage: TemplateModel {
    let fileName: String
    let at: String
    let actor: String
    let onBehalf: Bool
    let outcomeLabel: String
    let note: String
    let hasFindings: Bool
    let findings: [FindingRow.View]
    let id: Int
    let backCounty: String?
}
