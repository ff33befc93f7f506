import FundWatchCore
import FundWatchDraw
import FundWatchTemplating

/// What `draw-results.html` has in scope: each lot's result, those that may be published,
/// the overdue ones, inspections of institutions not drawn, and each county's progress.
struct DrawResultsView: TemplateModel {
    let period: String
    let windowFrom: String
    let windowTo: String
    let asOf: String
    let issuer: String
    let results: [Result]
    let publishable: [Result]
    let overdue: [Result]
    let undrawn: [Undrawn]
    let hasFlags: Bool
    let counties: [County]

    struct Result: TemplateModel {
        let number: Int
        let countyName: String
        let code: String
        let name: String
        let categoryLabel: String
        let status: String
        let statusLabel: String
        let inspectedOn: String
        let outcome: String
        let final: Bool

        init(_ r: DrawResult) {
            number = r.lot.number
            countyName = r.lot.target.countyName
            code = r.lot.target.code
            name = r.lot.target.name
            categoryLabel = r.lot.target.category.label
            status = r.status.rawValue
            statusLabel = r.status.label
            inspectedOn = r.inspectedOn?.description ?? ""
            outcome = r.outcome
            final = r.isFinal
        }
    }

    /// An inspection of an institution the draw did not pick.
    struct Undrawn: TemplateModel {
        let countyCode: String
        let institutionCode: String
        let institutionName: String
        let inspectedOn: String
    }

    struct County: TemplateModel {
        let code: String
        let name: String
        let drawn: Int
        let inspected: Int
        let final: Int
        let inspectedShare: String
        let finalShare: String
    }

    init(_ results: DrawResults, issuer: String) {
        let window = results.parameters.window
        let overdueResults = results.results.filter { $0.status == .overdue }
        period = results.parameters.period.description
        windowFrom = window.from.description
        windowTo = window.to.description
        asOf = results.asOf.description
        self.issuer = issuer
        self.results = results.results.map(Result.init)
        publishable = results.results.filter(\.isFinal).map(Result.init)
        overdue = overdueResults.map(Result.init)
        undrawn = results.undrawn.map {
            Undrawn(
                countyCode: $0.countyCode, institutionCode: $0.institutionCode, institutionName: $0.institutionName,
                inspectedOn: $0.inspectedOn.description)
        }
        hasFlags = !overdueResults.isEmpty || !results.undrawn.isEmpty
        counties = results.counties.map { c in
            County(
                code: c.code, name: c.name, drawn: c.drawn, inspected: c.inspected, final: c.final,
                inspectedShare: Rate(c.inspected, of: c.drawn).display,
                finalShare: Rate(c.final, of: c.drawn).display)
        }
    }
}
