import FundWatchTemplating

/// The answer to an upload: accepted or not, the version and review state, what changed
/// against the previous version, and the 审核报告.
struct UploadResultPage: TemplateModel {
    let fileName: String
    let countyCode: String?
    let countyName: String
    let period: String
    let rejected: Bool
    let accepted: Bool
    let outcomeLabel: String
    let versionID: Int?
    let versionNumber: Int
    let digest: String?
    let stateCode: String
    let stateLabel: String
    let hasChanges: Bool
    let changes: [Change]
    let hasFindings: Bool
    let findings: [FindingRow.View]
    let omitted: Int?
    let errorCount: Int
    let warningCount: Int
    /// Plausibility warnings the clerk must explain on the county page (待说明), nil when none.
    let toExplain: Int?
    let uploadID: Int
    /// The county page to go back to.
    let backCounty: String

    /// Rows added, removed and changed in one register.
    struct Change: TemplateModel {
        let label: String
        let added: Int
        let removed: Int
        let changed: Int
    }
}
