import FundWatchCore

/// The per-field rules of FORMAT.md. Their ids read `<register>.<field>.<check>`.
extension Rule {
    static func field(_ register: Register, _ field: String, _ check: String,
                      _ message: String, _ messageEN: String, expected: String, _ severity: Severity = .error) -> Rule {
        Rule("\(register == .header ? "header" : register.rawValue).\(field).\(check)",
             message, messageEN, expected: expected, severity: severity)
    }

    /// A required field is empty or absent.
    static func required(_ register: Register, _ field: String) -> Rule {
        .field(register, field, "required", "必填字段为空:\(field)", "required field \(field) is empty", expected: "a value")
    }

    static func date(_ register: Register, _ field: String) -> Rule {
        .field(register, field, "format", "日期格式错误:\(field)", "\(field) is not a date", expected: "a date YYYY-MM-DD, e.g. 2026-03-05")
    }

    static func money(_ register: Register, _ field: String) -> Rule {
        .field(register, field, "format", "金额格式错误:\(field)", "\(field) is not an amount in yuan",
               expected: "a number of yuan ≥ 0 with at most 2 decimals, e.g. 125000.50; no signs, commas or units")
    }

    static func boolean(_ register: Register, _ field: String) -> Rule {
        .field(register, field, "format", "是否字段取值错误:\(field)", "\(field) is not true/false",
               expected: "true / false or 是 / 否 (empty means false)")
    }

    static func code(_ register: Register, _ field: String, expected: String) -> Rule {
        .field(register, field, "format", "未知代码:\(field)", "unknown code in \(field)", expected: expected)
    }

    static func reference(_ register: Register) -> Rule {
        .field(register, "institution_code", "reference", "机构编码不在本次提交的定点机构名录中",
               "institution_code is not in the institutions register", expected: "the code of a row of institutions")
    }

    static func notBefore(_ register: Register, _ field: String, _ other: String) -> Rule {
        .field(register, field, "order", "\(field) 早于 \(other)", "\(field) is before \(other)", expected: "a date on or after \(other)")
    }

    static func notAfterPeriod(_ register: Register, _ field: String) -> Rule {
        .field(register, field, "period", "\(field) 晚于报送期末", "\(field) is after the end of the period",
               expected: "a date on or before the last day of period")
    }
}

extension Rule {
    static let countyCode = Rule.field(.header, "county_code", "format", "县区代码格式错误", "county_code is not a 6-digit division code",
                                       expected: "6 digits (行政区划代码), e.g. 990101")
    static let period = Rule.field(.header, "period", "format", "报送期间格式错误", "period is not a month",
                                   expected: "a month YYYY-MM, e.g. 2026-03")
    static let submittedBeforePeriod = Rule.field(.header, "submitted_on", "period", "报送日期早于报送期间", "submitted_on is before the period starts",
                                                  expected: "a date on or after the first day of period")
    static let institutionCode = Rule.field(.institutions, "code", "format", "机构编码格式错误", "institution code has the wrong form",
                                            expected: "H or P followed by 11 digits, e.g. H99010100001")
    static let institutionCodeUnique = Rule.field(.institutions, "code", "unique", "机构编码重复", "institution code appears twice",
                                                  expected: "each institution once")
    static let inspectedOutsideYear = Rule.field(.inspections, "inspected_on", "year", "检查日期不在报送年度内", "inspected_on is not in the period's year",
                                                 expected: "a date from 1 January of the period's year")
    static let caseIDLength = Rule.field(.cases, "case_id", "length", "案件编号超过 32 个字符", "case_id is longer than 32 characters",
                                         expected: "1 to 32 characters")
    static let caseIDUnique = Rule.field(.cases, "case_id", "unique", "案件编号重复", "case_id appears twice", expected: "each case once")
    static let violationsUnknown = Rule.code(.cases, "violations", expected: "`;`-separated codes: " + Violation.expectedList)
    static let actionsUnknown = Rule.code(.cases, "actions", expected: "`;`-separated codes: " + AgreementAction.expectedList)
    static let suspensionMonthsMissing = Rule.field(.cases, "suspension_months", "required", "处理方式含暂停协议但未填暂停月数",
                                                    "actions include suspend but suspension_months is empty", expected: "a whole number of months 1–12")
    static let suspensionMonthsUnexpected = Rule.field(.cases, "suspension_months", "unexpected", "填了暂停月数但处理方式不含暂停协议",
                                                       "suspension_months is set but actions do not include suspend",
                                                       expected: "empty unless actions include suspend")
    static let suspensionMonthsRange = Rule.field(.cases, "suspension_months", "format", "暂停月数不是 1–12 的整数",
                                                  "suspension_months is not a whole number 1–12", expected: "a whole number of months 1–12")
    static let amountsExceedInvolved = Rule.field(.cases, "amounts", "consistency", "拒付金额与追回金额之和超过涉及金额",
                                                  "amount_refused + amount_recovered exceeds amount_involved",
                                                  expected: "amount_refused + amount_recovered ≤ amount_involved (a warning: recovery may include later findings)",
                                                  .warning)
}
