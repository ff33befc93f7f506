import FundWatchCore

// The rules of the lists the draw reads (docs/DRAW.md, "Inputs").
extension Rule {
    public static let listRequired = Rule("list.required", "必填项为空", "a required value is empty", expected: "填写内容 (a value)")
    public static let listCounty = Rule(
        "list.county_code", "县区代码不是本次抽查的县区", "the county code is not one of the draw's counties",
        expected: "本期有报表的县区的 6 位代码,或市本级代码(以 00 结尾) (a county with a return, or the city)")
    public static let listDuplicate = Rule("list.duplicate", "重复的记录", "the same id appears twice", expected: "每个编号只出现一次 (each id once)")
    public static let listBoolean = Rule(
        "list.qualified", "是否取值错误", "not true/false",
        expected: "是 / 否、true / false 或 1 / 0")
    public static let listRiskClass = Rule("list.risk_class", "信用风险分类取值错误", "not a risk class", expected: "A、B、C 或 D 类 (A, B, C or D)")
    public static let listInstitution = Rule(
        "list.institution_code", "机构不是本次抽查范围内的定点医药机构",
        "the institution is not a designated institution of the returns", expected: "本期县区报表中某一定点医药机构的编码 (an institution in a return for the period)")
    public static let listCategory = Rule(
        "list.category", "机构类别取值错误", "unknown institution category",
        expected: "下列机构类别之一,留空表示适用于所有类别 (one of, or empty for every category): " + InstitutionCategory.expectedList)
}
