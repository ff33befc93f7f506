import FundWatchTemplating

/// The city's draws: each kept draw with its seed, digest, publication and files.
struct DrawsPage: TemplateModel {
    /// The month the form proposes.
    let period: String
    let draws: [Draw]

    struct Draw: TemplateModel {
        let id: Int
        let period: String
        let seed: String
        let digestShort: String
        let createdAt: String
        let actor: String
        let published: Bool
        let publishedAt: String
        /// The month results are read to.
        let resultsTo: String
        let files: [File]
    }

    struct File: TemplateModel {
        let name: String
        let id: Int
    }
}
