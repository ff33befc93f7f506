import FundWatchCore

/// The per-field rules of FORMAT.md. Their ids read `<register>.<field>.<check>`; their texts
/// name each field by its Chinese label, as the clerk's workbook does, and say what is
/// expected in Chinese first (English after, in brackets).
extension Rule {
    static func field(
        _ register: Register, _ field: String, _ check: String,
        _ message: String, _ messageEN: String, expected: String, _ severity: Severity = .error
    ) -> Rule {
        Rule(
            "\(register == .header ? "header" : register.rawValue).\(field).\(check)",
            message, messageEN, expected: expected, severity: severity)
    }

    /// A required field is empty or absent.
    static func required(_ register: Register, _ field: String) -> Rule {
        .field(
            register, field, "required", "必填字段为空:\(register.label(named: field))", "required field \(field) is empty",
            expected: "填写「\(register.label(named: field))」(a value)")
    }

    static func date(_ register: Register, _ field: String) -> Rule {
        .field(
            register, field, "format", "日期格式错误:\(register.label(named: field))", "\(field) is not a date",
            expected: "日期,格式为 年-月-日,如 2026-03-05 (a date YYYY-MM-DD)")
    }

    static func money(_ register: Register, _ field: String) -> Rule {
        .field(
            register, field, "format", "金额格式错误:\(register.label(named: field))", "\(field) is not an amount in yuan",
            expected: "以元为单位、不小于 0、最多两位小数的数字,如 125000.50;不带符号、千分位逗号或单位 "
                + "(yuan ≥ 0 with at most 2 decimals; no signs, commas or units)")
    }

    static func boolean(_ register: Register, _ field: String) -> Rule {
        .field(
            register, field, "format", "是否字段取值错误:\(register.label(named: field))", "\(field) is not true/false",
            expected: "是 / 否,或 true / false;留空表示否 (true/false or 是/否; empty means false)")
    }

    /// A coded field holds neither a code nor a label of its list (`list`: ``LabelledCode/expectedList``).
    static func code(_ register: Register, _ field: String, expected list: String) -> Rule {
        .field(
            register, field, "format", "未知代码:\(register.label(named: field))", "unknown code in \(field)",
            expected: "下列名称或代码之一 (one of): " + list)
    }

    static func reference(_ register: Register) -> Rule {
        .field(
            register, "institution_code", "reference", "机构编码不在本次报送的定点医药机构台账中",
            "institution_code is not in the institutions register",
            expected: "定点医药机构台账中某一机构的机构编码 (the code of a row of institutions)")
    }

    static func notBefore(_ register: Register, _ field: String, _ other: String) -> Rule {
        .field(
            register, field, "order", "\(register.label(named: field))早于\(register.label(named: other))", "\(field) is before \(other)",
            expected: "不早于「\(register.label(named: other))」的日期 (a date on or after \(other))")
    }

    static func notAfterPeriod(_ register: Register, _ field: String) -> Rule {
        .field(
            register, field, "period", "\(register.label(named: field))晚于报送期间的最后一天", "\(field) is after the end of the period",
            expected: "不晚于报送期间最后一天的日期 (a date on or before the last day of period)")
    }
}

extension Rule {
    static let countyCode = Rule.field(
        .header, "county_code", "format", "县区代码格式错误", "county_code is not a 6-digit division code",
        expected: "6 位行政区划代码,如 990101 (6 digits)")
    static let period = Rule.field(
        .header, "period", "format", "报送期间格式错误", "period is not a month",
        expected: "年-月,如 2026-03 (a month YYYY-MM)")
    static let submittedBeforePeriod = Rule.field(
        .header, "submitted_on", "period", "报送日期早于报送期间", "submitted_on is before the period starts",
        expected: "不早于报送期间第一天的日期 (a date on or after the first day of period)")
    static let institutionCode = Rule.field(
        .institutions, "code", "format", "机构编码格式错误", "institution code has the wrong form",
        expected: "H 或 P 加 11 位数字,如 H99010100001 (H or P followed by 11 digits)")
    static let institutionCodeUnique = Rule.field(
        .institutions, "code", "unique", "机构编码重复", "institution code appears twice",
        expected: "每个机构只填一行 (each institution once)")
    static let inspectedOutsideYear = Rule.field(
        .inspections, "inspected_on", "year", "检查日期不在报送年度内", "inspected_on is not in the period's year",
        expected: "报送年度 1 月 1 日起的日期 (a date from 1 January of the period's year)")
    static let caseIDLength = Rule.field(
        .cases, "case_id", "length", "案件编号超过 32 个字符", "case_id is longer than 32 characters",
        expected: "1 至 32 个字符 (1 to 32 characters)")
    static let caseIDUnique = Rule.field(
        .cases, "case_id", "unique", "案件编号重复", "case_id appears twice",
        expected: "每个案件只填一行 (each case once)")
    static let violationsUnknown = Rule.field(
        .cases, "violations", "format", "未知代码:违规类型", "unknown code in violations",
        expected: "用 ; 分隔的违规类型名称或代码 (`;`-separated codes): " + Violation.expectedList)
    static let actionsUnknown = Rule.field(
        .cases, "actions", "format", "未知代码:处理方式", "unknown code in actions",
        expected: "用 ; 分隔的处理方式名称或代码 (`;`-separated codes): " + AgreementAction.expectedList)
    static let suspensionMonthsMissing = Rule.field(
        .cases, "suspension_months", "required", "处理方式含暂停协议但未填暂停协议月数",
        "actions include suspend but suspension_months is empty",
        expected: "1 至 12 的整月数 (a whole number of months 1–12)")
    static let suspensionMonthsUnexpected = Rule.field(
        .cases, "suspension_months", "unexpected", "填了暂停协议月数但处理方式不含暂停协议",
        "suspension_months is set but actions do not include suspend",
        expected: "处理方式不含暂停协议时留空 (empty unless actions include suspend)")
    static let suspensionMonthsRange = Rule.field(
        .cases, "suspension_months", "format", "暂停协议月数不是 1–12 的整数",
        "suspension_months is not a whole number 1–12", expected: "1 至 12 的整月数 (a whole number of months 1–12)")
    static let tipoffIDLength = Rule.field(
        .tipoffs, "tipoff_id", "length", "线索编号超过 32 个字符", "tipoff_id is longer than 32 characters",
        expected: "1 至 32 个字符 (1 to 32 characters)")
    static let tipoffIDUnique = Rule.field(
        .tipoffs, "tipoff_id", "unique", "线索编号重复", "tipoff_id appears twice",
        expected: "每条线索只填一行 (each tip-off once)")
    static let tipoffCaseReference = Rule.field(
        .tipoffs, "case_id", "reference", "案件编号不在本次报送的查处台账中", "case_id is not in the cases register",
        expected: "查处台账中某一案件的案件编号 (the case_id of a row of cases)")

    /// A field filled where it cannot apply (`zh`/`en`: why not).
    static func unexpected(_ register: Register, _ field: String, because zh: String, _ en: String) -> Rule {
        .field(
            register, field, "unexpected", "不应填写「\(register.label(named: field))」:\(zh)", "\(field) is set but \(en)",
            expected: "留空 (empty)")
    }

    static let pointsFormat = Rule.field(
        .cases, "points", "format", "医保医师记分不是规定的分值", "points is not 1, 2, 3, 4, 6 or 12",
        expected: "1、2、3、4、6 或 12 分之一 (one of 1, 2, 3, 4, 6, 12)")

    static let amountsExceedInvolved = Rule.field(
        .cases, "amounts", "consistency", "拒付金额与追回金额之和超过涉及金额",
        "amount_refused + amount_recovered exceeds amount_involved",
        expected: "拒付金额 + 追回金额 ≤ 涉及金额(提示:追回可能包含后续查实的金额) "
            + "(amount_refused + amount_recovered ≤ amount_involved; a warning)",
        .warning)
}
