import FundWatchTemplating

/// An error page: a heading for the status and the message in Chinese first.
struct ErrorPage: TemplateModel {
    let heading: String
    let message: String
}
