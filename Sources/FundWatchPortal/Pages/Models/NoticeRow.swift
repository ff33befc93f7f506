import FundWatchTemplating

/// A major-case notice (要情报告) as a page row, with the link to its document.
struct NoticeRow: TemplateModel {
    let caseID: String
    let county: String
    let document: String
    let institution: String
    let trigger: String
    let due: String
    let statusCode: String
    let statusLabel: String
}

/// The notices a page lists (a section over it renders only when there are some).
struct NoticeList: TemplateModel {
    let items: [NoticeRow]

    /// nil when there are none, so `{{#notices}}` renders nothing.
    static func of(_ rows: [NoticeRow]) -> NoticeList? { rows.isEmpty ? nil : NoticeList(items: rows) }
}
