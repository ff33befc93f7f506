import FundWatchTemplating

/// A county's page: the deadline, a returned month's reason, each month with its versions
/// and review history, notices, the upload form and the latest uploads.
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
