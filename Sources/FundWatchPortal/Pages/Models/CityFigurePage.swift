import FundWatchTemplating

/// One figure for the city and each county, linked to the county's rows.
struct CityFigurePage: TemplateModel {
    let heading: String
    let window: String
    let label: String
    let unit: String
    let total: String
    let rows: [County]

    struct County: TemplateModel {
        let code: String
        let name: String
        let value: String
        let link: String?
    }
}
