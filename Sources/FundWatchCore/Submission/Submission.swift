/// One county's registers for one reporting month: a snapshot as they stand at month end.
///
/// A later submission for the same county and period is a new version that replaces
/// the earlier one for reporting; no version is ever deleted.
public struct Submission: Sendable, Hashable {
    public var header: SubmissionHeader
    public var institutions: [Institution]
    public var inspections: [Inspection]
    public var cases: [CaseRecord]
    /// The tip-off register (举报线索台账): optional, empty when not sent.
    public var tipoffs: [Tipoff]

    public init(
        header: SubmissionHeader, institutions: [Institution], inspections: [Inspection], cases: [CaseRecord], tipoffs: [Tipoff] = []
    ) {
        self.header = header
        self.institutions = institutions
        self.inspections = inspections
        self.cases = cases
        self.tipoffs = tipoffs
    }
}

/// The header fields of a submission.
public struct SubmissionHeader: Sendable, Hashable {
    /// 6-digit administrative division code (行政区划代码).
    public var countyCode: String
    public var countyName: String
    /// The reporting month.
    public var period: YearMonth
    /// 填报人.
    public var preparedBy: String
    /// The date the county sent it.
    public var submittedOn: Day

    public init(countyCode: String, countyName: String, period: YearMonth, preparedBy: String, submittedOn: Day) {
        self.countyCode = countyCode
        self.countyName = countyName
        self.period = period
        self.preparedBy = preparedBy
        self.submittedOn = submittedOn
    }
}

/// A designated institution (定点医药机构) as at period end.
public struct Institution: Sendable, Hashable {
    /// `H` + 11 digits for a medical institution, `P` + 11 digits for a pharmacy.
    public var code: String
    public var name: String
    public var category: InstitutionCategory
    public var agreementStatus: AgreementStatus

    public init(code: String, name: String, category: InstitutionCategory, agreementStatus: AgreementStatus) {
        self.code = code
        self.name = name
        self.category = category
        self.agreementStatus = agreementStatus
    }
}

/// One inspection visit or check (检查台账).
public struct Inspection: Sendable, Hashable {
    public var institutionCode: String
    public var inspectedOn: Day
    public var method: InspectionMethod
    /// 发现问题.
    public var problemsFound: Bool

    public init(institutionCode: String, inspectedOn: Day, method: InspectionMethod, problemsFound: Bool) {
        self.institutionCode = institutionCode
        self.inspectedOn = inspectedOn
        self.method = method
        self.problemsFound = problemsFound
    }
}
