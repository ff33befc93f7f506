import FundWatchTemplating

/// A draw refused because its lists have errors: the 审核报告 of the lists.
struct DrawRefusedPage: TemplateModel {
    let findings: [FindingRow.View]
    let omitted: Int?
}
