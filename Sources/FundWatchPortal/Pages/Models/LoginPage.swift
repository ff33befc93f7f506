import FundWatchTemplating

/// The login form: why the last attempt failed, the name typed, the lockout rule.
struct LoginPage: TemplateModel {
    let message: String?
    let name: String
    let lockAfter: Int
    let lockMinutes: Int
}
