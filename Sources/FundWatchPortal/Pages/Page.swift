import FundWatchTemplating

/// What every page's template has in scope: its title, the layout (who is logged in, the
/// CSRF token, the idle timeout) and the page's own typed model. Names are looked up in
/// the model first, then the layout.
struct Page<Model: TemplateModel>: TemplateObject {
    let title: String
    let layout: Layout
    let model: Model

    func value(named name: String) -> TemplateValue? {
        if name == "title" { return .text(title) }
        return model.value(named: name) ?? layout.value(named: name)
    }
}

/// The layout's part of every page (`head` and `foot`).
struct Layout: TemplateModel {
    /// Who is logged in; nil on the login page and errors before login.
    let user: User?
    /// The session's CSRF token for forms (empty without a session).
    let csrf: String
    /// After how many idle minutes the session ends (the page says so).
    let idleMinutes: Int

    /// The logged-in user as the menu shows them.
    struct User: TemplateModel {
        let name: String
        let roleLabel: String
        let countyCode: String?
        let isCounty: Bool
        let isCity: Bool
        let isAdmin: Bool
    }

    init(_ identity: Identity?, idleMinutes: Int) {
        user = identity.map {
            User(
                name: $0.user.name, roleLabel: $0.user.role.label, countyCode: $0.user.countyCode, isCounty: $0.user.role == .county,
                isCity: $0.user.role == .city, isAdmin: $0.user.role == .admin)
        }
        csrf = identity?.csrf ?? ""
        self.idleMinutes = idleMinutes
    }
}

/// A page with nothing of its own beyond the layout (the dashboard's head and foot).
struct NoModel: TemplateModel {}
