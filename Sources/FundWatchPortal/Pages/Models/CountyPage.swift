import FundWatchTemplating

/// A county's page: the deadline, a returned month's reason, each month with its versions
/// and review history, notices, tip-off deadlines, the upload form and the latest uploads.
struct CountyPage: TemplateModel {
    let countyName: String
    let countyCode: String
    let duePeriod: String
    let dueDay: String
    let dueText: String
    /// `overdue`, `due-soon` or empty: the deadline's style.
    let dueClass: String
    let returned: Returned?
    let months: [Month]
    let hasVersions: Bool
    let maxUploadMiB: Int
    /// The city uploads on the county's behalf.
    let onBehalf: Bool
    let notices: NoticeList?
    /// The county's tip-offs with a step pending, due or overdue (most urgent first).
    let tipoffs: TipoffList?
    let uploads: [Upload]

    /// The latest month the city returned, with its reason.
    struct Returned: TemplateModel {
        let period: String
        let reason: String
        let actor: String
        let at: String
    }

    struct Month: TemplateModel {
        let period: String
        let countyCode: String
        let stateCode: String
        let stateLabel: String
        let timelinessCode: String
        let timelinessLabel: String
        let lockMessage: String?
        let versions: [Version]
        /// The current version's number (0: none).
        let currentNumber: Int
        let history: [Event]
        let canReview: Bool
        let canApprove: Bool
        /// The current version's plausibility warnings (核实性审核), nil when it has none.
        let warnings: Warnings?
        /// Approving needs the reviewer's note: a warning is still unexplained (待说明).
        let approveNeedsNote: Bool
        /// For the city's review: the current version against the version before it.
        let changes: [Change]
        let hasChanges: Bool
    }

    /// The warnings of a month's current version, with their explanations and, while the
    /// month is open, the form to explain them.
    struct Warnings: TemplateModel {
        let versionNumber: Int
        /// How many warnings still wait for an explanation; nil when none do.
        let open: Int?
        let total: Int
        let canExplain: Bool
        /// The page is the city's (review) rather than the county's own.
        let forReviewer: Bool
        let items: [Warning]
    }

    /// One warning, or (`key` = `*`) every warning of a rule at once.
    struct Warning: TemplateModel {
        let index: Int
        let rule: String
        let key: String
        let fieldLabel: String
        let message: String
        let expected: String
        let explanation: String?
        let explainer: String
        let explainedAt: String
        /// Whether the row offers a box for an explanation.
        let canExplain: Bool
        /// A row explaining every open warning of its rule at once.
        let wholeRule: Bool
    }

    /// What changed in one register since the version before.
    struct Change: TemplateModel {
        let label: String
        let added: Int
        let removed: Int
        let changed: Int
    }

    struct Version: TemplateModel {
        let number: Int
        let submittedOn: String
        let importedAt: String
        let institutions: Int
        let inspections: Int
        let cases: Int
        let origin: String
        let digestShort: String
        let current: Bool
        let approved: Bool
    }

    /// A review event.
    struct Event: TemplateModel {
        let at: String
        let actor: String
        let stateLabel: String
        let reason: String?
    }

    struct Upload: TemplateModel {
        let at: String
        let actor: String
        let onBehalf: Bool
        let fileName: String
        let outcomeLabel: String
        let id: Int
    }
}
