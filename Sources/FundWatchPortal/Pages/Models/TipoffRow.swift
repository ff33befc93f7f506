import FundWatchTemplating

/// A tip-off (举报线索) as a page row: its most urgent step, that step's due day and status.
/// Never the reporter.
struct TipoffRow: TemplateModel {
    let tipoffID: String
    let county: String
    let countyName: String
    let received: String
    let channel: String
    let step: String
    let due: String
    let statusCode: String
    let statusLabel: String
}

/// The tip-offs a page lists (a section over it renders only when there are some).
struct TipoffList: TemplateModel {
    let items: [TipoffRow]

    /// nil when there are none, so `{{#tipoffs}}` renders nothing.
    static func of(_ rows: [TipoffRow]) -> TipoffList? { rows.isEmpty ? nil : TipoffList(items: rows) }
}
