import FundWatchTemplating

/// The city's reports form, filled with the year to the last month.
struct ReportsPage: TemplateModel {
    let from: String
    let to: String
    let asOf: String
}
