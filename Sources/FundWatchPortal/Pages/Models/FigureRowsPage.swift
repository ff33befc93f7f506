import FundWatchTemplating

/// The rows a county's figure is made of: institutions, inspections or cases.
struct FigureRowsPage: TemplateModel {
    let heading: String
    let countyName: String
    let countyCode: String
    let window: String
    let to: String
    let submittedOn: String
    let value: String
    let unit: String
    let hasRows: Bool
    let hasInstitutions: Bool
    let institutionCount: Int
    let institutions: [Institution]
    let hasInspections: Bool
    let inspectionCount: Int
    let inspections: [Inspection]
    let hasCases: Bool
    let caseCount: Int
    let cases: [Case]

    struct Institution: TemplateModel {
        let code: String
        let name: String
        let category: String
        let status: String
    }

    struct Inspection: TemplateModel {
        let institution: String
        let day: String
        let method: String
        let problems: String
    }

    struct Case: TemplateModel {
        let caseID: String
        let institution: String
        let opened: String
        let closed: String
        let source: String
        let involved: String
        let refused: String
        let fines: String
        let refund: String
        let actions: String
    }
}
