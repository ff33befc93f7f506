import FundWatchTemplating

/// The dashboard's body, the same for every city user: counties × months with timeliness
/// and review state, soon-due and overdue notices and tip-off steps, the year's headline figures.
struct DashboardBody: TemplateModel {
    let year: Int
    let years: [Year]
    let monthHeads: [MonthHead]
    let rows: [County]
    let dueDay: Int
    let notices: NoticeList?
    /// Tip-offs with a step overdue or due within 3 working days.
    let tipoffs: TipoffList?
    let headline: Headline?
    let warnings: Warnings?

    /// The plausibility warnings of the current versions: returns with any, and those
    /// awaiting an explanation (待说明).
    struct Warnings: TemplateModel {
        let returns: Int
        let awaiting: Int
    }

    struct Year: TemplateModel {
        let year: Int
        let current: Bool
    }

    struct MonthHead: TemplateModel {
        let label: String
    }

    struct County: TemplateModel {
        let code: String
        let name: String
        let cells: [Cell]
    }

    /// A county's month.
    struct Cell: TemplateModel {
        let code: String
        let period: String
        let timelinessCode: String
        let timelinessLabel: String
        let stateCode: String
        /// nil when no version was sent.
        let stateLabel: String?
    }

    /// The year to date up to the latest month any county sent.
    struct Headline: TemplateModel {
        let window: String
        let figures: [FigureRow]
        /// The revisions of the year's earlier months, up to the latest month sent.
        let revisions: String
    }
}
