import FundWatchTemplating

/// The administrator's user list with the form to add one.
struct AdminUsersPage: TemplateModel {
    let message: String?
    let users: [User]

    struct User: TemplateModel {
        let id: Int
        let name: String
        let roleLabel: String
        let countyCode: String
        let disabled: Bool
    }
}
