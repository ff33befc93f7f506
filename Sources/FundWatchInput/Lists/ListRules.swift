import FundWatchCore

// The rules of the lists the draw reads (docs/DRAW.md, "Inputs").
extension Rule {
    public static let listRequired = Rule("list.required", "必填项为空", "a required value is empty", expected: "a value")
    public static let listCounty = Rule("list.county_code", "县区代码不是本次抽查的县区", "the county code is not one of the draw's counties",
        expected: "the 6-digit code of a county with a return for the period, or of the city (ending in 00)")
    public static let listDuplicate = Rule("list.duplicate", "重复的记录", "the same id appears twice", expected: "each id once")
    public static let listBoolean = Rule("list.qualified", "是否取值错误", "not true/false",
        expected: "true / false, 是 / 否, or 1 / 0")
    public static let listRiskClass = Rule("list.risk_class", "信用风险分类取值错误", "not a risk class", expected: "A, B, C or D")
    public static let listInstitution = Rule("list.institution_code", "机构不是本次抽查范围内的定点医药机构",
        "the institution is not a designated institution of the returns", expected: "the code of an institution in a county's return for the period")
    public static let listCategory = Rule("list.category", "机构类别取值错误", "unknown institution category",
        expected: InstitutionCategory.expectedList + ", or empty for every category")
}
