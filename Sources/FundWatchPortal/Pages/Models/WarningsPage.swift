import FundWatchTemplating

/// The city's list of plausibility warnings (核实性审核) before signing: per county and month,
/// the current version's warnings, how many are open, who explained them, the review state.
struct WarningsPage: TemplateModel {
    let period: String
    let openOnly: Bool
    let returns: Int
    let awaiting: Int
    let rows: [Row]
    let csv: String

    struct Row: TemplateModel {
        let countyCode: String
        let countyName: String
        let period: String
        let version: Int
        let stateCode: String
        let stateLabel: String
        let total: Int
        let open: Int
        /// Whether any warning waits for an explanation (a count of 0 is still a value to mustache).
        let isOpen: Bool
        let explainers: String
        let rules: String
    }
}
