import FundWatchTemplating

/// The audit log since a day, newest first, with county details withheld.
struct AdminAuditPage: TemplateModel {
    let since: String
    let entries: [Entry]

    struct Entry: TemplateModel {
        let at: String
        let actor: String
        let action: String
        let outcome: String
        let detail: String
        let address: String
    }
}
