import FundWatchTemplating

/// A county's 表1 figures for the year to a month, each linked to its rows.
struct FiguresPage: TemplateModel {
    let heading: String
    let window: String
    let to: String
    /// Where the month form goes.
    let action: String
    let rows: [FigureRow]
}

/// One figure: its label, unit and value, and the page that explains it (nil when the
/// county sent nothing, or on the city's page for a county that sent nothing).
struct FigureRow: TemplateModel {
    let label: String
    let unit: String
    let value: String
    let link: String?
}
