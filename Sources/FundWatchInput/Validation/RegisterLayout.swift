import FundWatchCore

/// A field of a register, as FORMAT.md names it.
public protocol RegisterField: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == Int {
    /// The column (CSV) or element (XML) name.
    var name: String { get }
    /// Whether FORMAT.md requires a value.
    var isRequired: Bool { get }
    /// Free text is kept exactly as sent; every other field is trimmed of surrounding white space.
    var isFreeText: Bool { get }
}

extension RegisterField {
    public var isFreeText: Bool { false }
    /// The field called `name`, if any.
    public static func named(_ name: String) -> Self? { allCases.first { $0.name == name } }
    /// Every field name in FORMAT.md order.
    public static var names: [String] { allCases.map(\.name) }
}

/// Header fields (`submission.csv` rows, or children of `<submission>`). All are required.
public enum HeaderField: Int, RegisterField {
    case countyCode, countyName, period, preparedBy, submittedOn

    public var name: String {
        switch self {
        case .countyCode: "county_code"
        case .countyName: "county_name"
        case .period: "period"
        case .preparedBy: "prepared_by"
        case .submittedOn: "submitted_on"
        }
    }
    public var isRequired: Bool { true }
}

/// Columns of `institutions`. All are required.
public enum InstitutionField: Int, RegisterField {
    case code, name, category, agreementStatus

    public var name: String {
        switch self {
        case .code: "code"
        case .name: "name"
        case .category: "category"
        case .agreementStatus: "agreement_status"
        }
    }
    public var isRequired: Bool { true }
}

/// Columns of `inspections`.
public enum InspectionField: Int, RegisterField {
    case institutionCode, inspectedOn, method, problemsFound

    public var name: String {
        switch self {
        case .institutionCode: "institution_code"
        case .inspectedOn: "inspected_on"
        case .method: "method"
        case .problemsFound: "problems_found"
        }
    }
    public var isRequired: Bool { self != .problemsFound }
}

/// Columns of `cases`.
public enum CaseField: Int, RegisterField {
    case caseID, institutionCode, openedOn, closedOn, source, violations
    case amountInvolved, amountRefused, amountRecovered, damages, fine, voluntaryRefund
    case actions, suspensionMonths, policeTransferOn, disciplineTransferOn, exposedOn
    case publicAttention, noticeSubmittedOn, reporter, rewardPaid
    case discovery, facts, outcome, basis
    case subjectType, physicianID, points

    public var name: String {
        switch self {
        case .caseID: "case_id"
        case .institutionCode: "institution_code"
        case .openedOn: "opened_on"
        case .closedOn: "closed_on"
        case .source: "source"
        case .violations: "violations"
        case .amountInvolved: "amount_involved"
        case .amountRefused: "amount_refused"
        case .amountRecovered: "amount_recovered"
        case .damages: "damages"
        case .fine: "fine"
        case .voluntaryRefund: "voluntary_refund"
        case .actions: "actions"
        case .suspensionMonths: "suspension_months"
        case .policeTransferOn: "police_transfer_on"
        case .disciplineTransferOn: "discipline_transfer_on"
        case .exposedOn: "exposed_on"
        case .publicAttention: "public_attention"
        case .noticeSubmittedOn: "notice_submitted_on"
        case .reporter: "reporter"
        case .rewardPaid: "reward_paid"
        case .discovery: "discovery"
        case .facts: "facts"
        case .outcome: "outcome"
        case .basis: "basis"
        case .subjectType: "subject_type"
        case .physicianID: "physician_id"
        case .points: "points"
        }
    }

    /// `institution_code` is required only for an institution's case (the default subject):
    /// the builder checks it row by row.
    public var isRequired: Bool {
        switch self {
        case .caseID, .openedOn, .source, .violations: true
        default: false
        }
    }

    public var isFreeText: Bool {
        switch self {
        case .reporter, .discovery, .facts, .outcome, .basis: true
        default: false
        }
    }
}

/// Columns of `tipoffs` (举报线索台账, optional).
public enum TipoffField: Int, RegisterField {
    case tipoffID, receivedOn, channel, realName, subjectType, institutionCode
    case decidedOn, decision, informedOn, closedOn, substantiated, caseID, feedbackOn
    case rewardPaid, rewardPaidOn, reporter

    public var name: String {
        switch self {
        case .tipoffID: "tipoff_id"
        case .receivedOn: "received_on"
        case .channel: "channel"
        case .realName: "real_name"
        case .subjectType: "subject_type"
        case .institutionCode: "institution_code"
        case .decidedOn: "decided_on"
        case .decision: "decision"
        case .informedOn: "informed_on"
        case .closedOn: "closed_on"
        case .substantiated: "substantiated"
        case .caseID: "case_id"
        case .feedbackOn: "feedback_on"
        case .rewardPaid: "reward_paid"
        case .rewardPaidOn: "reward_paid_on"
        case .reporter: "reporter"
        }
    }

    public var isRequired: Bool {
        switch self {
        case .tipoffID, .receivedOn, .channel, .subjectType: true
        default: false
        }
    }

    public var isFreeText: Bool { self == .reporter }
}

/// The registers of a submission plus its header; `tipoffs` is optional.
public enum Register: String, Sendable, CaseIterable {
    case header = "submission"
    case institutions
    case inspections
    case cases
    case tipoffs

    /// Whether a return may leave the register out (it was added after the first format).
    public var isOptional: Bool { self == .tipoffs }

    /// The CSV file holding it.
    public var fileName: String { rawValue + ".csv" }

    /// The XML element of one row, e.g. `case`; nil for the header.
    public var rowElement: String? {
        switch self {
        case .header: nil
        case .institutions: "institution"
        case .inspections: "inspection"
        case .cases: "case"
        case .tipoffs: "tipoff"
        }
    }

    /// Field names in FORMAT.md order.
    public var fieldNames: [String] {
        switch self {
        case .header: Self.headerNames
        case .institutions: Self.institutionNames
        case .inspections: Self.inspectionNames
        case .cases: Self.caseNames
        case .tipoffs: Self.tipoffNames
        }
    }

    /// The Chinese label of field `index`, as the clerk knows it: the template's column
    /// heading, and how every finding names the field (the key may follow in small type).
    public func label(_ index: Int) -> String {
        let labels: [String] =
            switch self {
            case .header: Self.headerLabels
            case .institutions: Self.institutionLabels
            case .inspections: Self.inspectionLabels
            case .cases: Self.caseLabels
            case .tipoffs: Self.tipoffLabels
            }
        return labels.indices.contains(index) ? labels[index] : ""
    }

    /// The label of the field called `name` (its key when it has none).
    public func label(named name: String) -> String {
        fieldIndex(named: name).map(label) ?? name
    }

    private static let headerLabels = ["县区代码", "县区名称", "报送期间(年-月)", "填报人", "报送日期"]
    private static let institutionLabels = ["机构编码", "机构名称", "机构类别", "协议状态"]
    private static let inspectionLabels = ["机构编码", "检查日期", "检查方式", "是否发现问题"]
    private static let caseLabels = [
        "案件编号", "机构编码", "立案日期", "结案日期", "案件来源", "违规类型",
        "涉及金额(元)", "拒付金额(元)", "追回金额(元)", "违约金(元)", "罚款(元)", "主动退回金额(元)",
        "处理方式", "暂停协议月数", "移送公安日期", "移送纪检监察日期", "曝光日期",
        "社会关注", "要情报告报送日期", "举报人", "举报奖励(元)",
        "发现经过", "违规事实", "处理结果", "处理依据",
        "被查处对象类别", "医保医师编码", "医保医师记分",
    ]

    private static let tipoffLabels = [
        "线索编号", "受理日期", "举报渠道", "是否实名", "被举报对象类别", "机构编码",
        "立案决定日期", "是否立案", "告知实名举报人日期", "办结日期", "是否查实", "案件编号", "反馈举报人日期",
        "举报奖励(元)", "奖励发放日期", "举报人",
    ]

    /// The index of the field called `name`, if the register has one.
    public func fieldIndex(named name: String) -> Int? {
        switch self {
        case .header: Self.headerIndexes[name]
        case .institutions: Self.institutionIndexes[name]
        case .inspections: Self.inspectionIndexes[name]
        case .cases: Self.caseIndexes[name]
        case .tipoffs: Self.tipoffIndexes[name]
        }
    }

    // Made once: rows ask for them field by field.
    private static let headerNames = HeaderField.names
    private static let institutionNames = InstitutionField.names
    private static let inspectionNames = InspectionField.names
    private static let caseNames = CaseField.names
    private static let tipoffNames = TipoffField.names
    private static func indexes(_ names: [String]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
    }
    private static let headerIndexes = indexes(headerNames)
    private static let institutionIndexes = indexes(institutionNames)
    private static let inspectionIndexes = indexes(inspectionNames)
    private static let caseIndexes = indexes(caseNames)
    private static let tipoffIndexes = indexes(tipoffNames)

    /// Whether the field at `index` is required.
    public func isRequired(_ index: Int) -> Bool {
        switch self {
        case .header: true
        case .institutions: InstitutionField(rawValue: index)!.isRequired
        case .inspections: InspectionField(rawValue: index)!.isRequired
        case .cases: CaseField(rawValue: index)!.isRequired
        case .tipoffs: TipoffField(rawValue: index)!.isRequired
        }
    }

    /// Whether the field at `index` is free text, kept exactly as sent.
    public func isFreeText(_ index: Int) -> Bool {
        switch self {
        case .cases: CaseField(rawValue: index)!.isFreeText
        case .tipoffs: TipoffField(rawValue: index)!.isFreeText
        default: false
        }
    }
}
