import FundWatchTemplating

/// What the bulletin templates (`bulletin.html`, `bulletin.txt`) have in scope: issuer and
/// hotline, the month, the headline figures with their change, the charts, the exposed
/// cases and which counties' returns were not current. Never a reporter or insured person.
struct BulletinView: TemplateModel {
    let issuer: String
    let hotline: String
    let rewardText: String
    /// The tip-off line (受理举报线索 N 件,查实 M 件,发放奖励 X 元), when any county sent a tip-off register.
    let tipoffLine: String?
    let year: Int
    let month: Int
    let period: String
    let asOf: String
    let figures: [Figure]
    let comparisonNotes: [Note]
    let charts: [BarChart.View]
    let cases: [ExposedCase]
    let hasCases: Bool
    let caseCount: Int
    /// Counties whose return for the month was missing or not current, joined with 、.
    let staleCounties: String
    let hasStale: Bool

    /// A headline figure for the month and the year to date, with 环比 and 同比.
    struct Figure: TemplateModel {
        let label: String
        let unit: String
        let month: String
        let ytd: String
        let monthChange: String
        let yearChange: String
    }

    struct Note: TemplateModel {
        let text: String
    }

    /// A case exposed in the month: institution, violations, handling and amounts (万元).
    struct ExposedCase: TemplateModel {
        let number: Int
        let county: String
        let institution: String
        let category: String
        let violations: String
        let actions: String
        let involved: String
        let recovered: String
        let penalties: String
        let exposedOn: String
    }
}
