import FundWatchCore

/// What an .xlsx return holds (docs/FORMAT.md, "Excel workbooks"): the sheet of each
/// register, the Chinese label of every field, and where the rows start. The fill-in
/// template is written from it and the reader reads by it, so the two cannot drift.
public enum WorkbookLayout {
    /// The template's identifier and version, kept on its hidden `_fundwatch` sheet.
    public static let templateID = "fundwatch-return"
    public static let templateVersion = "1"
    /// The hidden sheet naming the template, and the hidden sheet holding the code lists.
    public static let metaSheet = "_fundwatch"
    public static let codeSheet = "代码表"
    /// The instructions sheet (not read).
    public static let guideSheet = "填报说明"
    /// The sheet of explanations (说明) of plausibility warnings: from row 5, the rule in A,
    /// the warning's key in B (`*`: every warning of the rule), the explanation in C.
    public static let explanationSheet = "核实说明"
    /// The 核实说明 sheet's columns: label and key.
    public static let explanationColumns = [("规则", "rule"), ("提示对象", "key"), ("说明", "text")]

    /// The sheet holding `register`, e.g. `案件`.
    public static func sheetName(_ register: Register) -> String {
        switch register {
        case .header: "报送信息"
        case .institutions: "定点医药机构"
        case .inspections: "检查"
        case .cases: "案件"
        case .tipoffs: "举报线索"
        }
    }

    /// The register a sheet holds, by its Chinese name or by the register's key
    /// (`cases`, `submission`), so a program may name sheets either way.
    public static func register(ofSheet name: String) -> Register? {
        let trimmed = name.trimmingWhitespace
        return Register.allCases.first { sheetName($0) == trimmed || $0.rawValue == trimmed }
    }

    /// Sheets a workbook may hold besides the four registers without a warning.
    public static let knownOtherSheets: Set<String> = [metaSheet, codeSheet, guideSheet, explanationSheet]

    /// How many rows from the top the reader searches for the row of field keys.
    public static let headerSearchRows = 10

    /// Register sheets: row 1 the title, row 2 填报单位 and units, row 3 the labels, row 4
    /// the field keys (hidden in the template), data from row 5.
    public static let titleRow = 1, unitRow = 2, labelRow = 3, keyRow = 4, firstDataRow = 5
    /// The 报送信息 sheet: a title, then from row 3 one field per row: label (A), key (B), value (C).
    public static let headerFirstRow = 3

    /// The index of the field whose key or label is `text`.
    public static func fieldIndex(_ register: Register, keyOrLabel text: String) -> Int? {
        let trimmed = text.trimmingWhitespace
        if let index = register.fieldIndex(named: trimmed) { return index }
        return register.fieldNames.indices.first { register.label($0) == trimmed }
    }

    /// What kind of value a field holds, for the template's formats and dropdowns and for
    /// reading a cell (a date cell becomes `YYYY-MM-DD`).
    public enum FieldKind: Sendable, Equatable {
        case text, code, date, amount, integer, flag
        /// One code from a list (`list` names the code list).
        case coded(list: String)
        /// Several codes from a list, `;`-separated.
        case codedList(list: String)
    }

    /// The kind of field `index` of `register`.
    public static func kind(_ register: Register, _ index: Int) -> FieldKind {
        switch register {
        case .header:
            switch HeaderField(rawValue: index)! {
            case .countyCode: .code
            case .period: .code
            case .submittedOn: .date
            case .countyName, .preparedBy: .text
            }
        case .institutions:
            switch InstitutionField(rawValue: index)! {
            case .code: .code
            case .name: .text
            case .category: .coded(list: "category")
            case .agreementStatus: .coded(list: "agreement_status")
            }
        case .inspections:
            switch InspectionField(rawValue: index)! {
            case .institutionCode: .code
            case .inspectedOn: .date
            case .method: .coded(list: "method")
            case .problemsFound: .flag
            }
        case .cases:
            switch CaseField(rawValue: index)! {
            case .caseID, .institutionCode: .code
            case .openedOn, .closedOn, .policeTransferOn, .disciplineTransferOn, .exposedOn, .noticeSubmittedOn: .date
            case .source: .coded(list: "source")
            case .violations: .codedList(list: "violations")
            case .actions: .codedList(list: "actions")
            case .amountInvolved, .amountRefused, .amountRecovered, .damages, .fine, .voluntaryRefund, .rewardPaid: .amount
            case .suspensionMonths: .integer
            case .publicAttention: .flag
            case .reporter, .discovery, .facts, .outcome, .basis: .text
            case .subjectType: .coded(list: "subject_type")
            case .physicianID: .code
            case .points: .integer
            }
        case .tipoffs:
            switch TipoffField(rawValue: index)! {
            case .tipoffID, .institutionCode, .caseID: .code
            case .receivedOn, .decidedOn, .informedOn, .closedOn, .feedbackOn, .rewardPaidOn: .date
            case .channel: .coded(list: "channel")
            case .subjectType: .coded(list: "subject_type")
            case .decision: .coded(list: "decision")
            case .realName, .substantiated: .flag
            case .rewardPaid: .amount
            case .reporter: .text
            }
        }
    }

    /// The code lists the dropdowns offer: name, title, and each code's label.
    public static let codeLists: [(name: String, title: String, labels: [String])] = [
        ("category", "机构类别", InstitutionCategory.allCases.map(\.label)),
        ("agreement_status", "协议状态", AgreementStatus.allCases.map(\.label)),
        ("method", "检查方式", InspectionMethod.allCases.map(\.label)),
        ("source", "案件来源", InspectionMethod.allCases.map(\.label) + [CaseSource.referral.label]),
        ("violations", "违规类型", Violation.allCases.map(\.label)),
        ("actions", "处理方式", AgreementAction.allCases.map(\.label)),
        ("channel", "举报渠道", TipoffChannel.allCases.map(\.label)),
        ("subject_type", "被举报对象类别", SubjectType.allCases.map(\.label)),
        ("decision", "是否立案", TipoffDecision.allCases.map(\.label)),
        ("flag", "是否", ["是", "否"]),
    ]
}
