import FundWatchTemplating

/// A county's own targets in each published draw, with inspectors, items and results.
struct CountyDrawsPage: TemplateModel {
    let countyCode: String
    let draws: [Draw]

    struct Draw: TemplateModel {
        let id: Int
        let period: String
        let seed: String
        let windowFrom: String
        let windowTo: String
        let publishedAt: String
        let asOf: String
        let targets: [Target]
        let undrawn: [Undrawn]
    }

    struct Target: TemplateModel {
        let number: Int
        let code: String
        let name: String
        let categoryLabel: String
        let inspectors: String
        let items: String
        let statusLabel: String
        let status: String
        let outcome: String
    }

    /// An inspection of an institution that was not drawn.
    struct Undrawn: TemplateModel {
        let code: String
        let name: String
        let on: String
    }
}
