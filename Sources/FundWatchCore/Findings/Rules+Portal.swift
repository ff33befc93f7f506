// The rules the portal adds to an upload's checks: who may send what, and when.

extension Rule {
    public static let portalCountyScope = Rule(
        "portal.county_scope", "上传文件的县区代码不是本账户所属县区", "the file's county code is not this account's county",
        expected: "本账户所属县区的报表 (a return of the county this account is bound to)")
    public static let portalOneReturn = Rule(
        "portal.one_return", "一次上传只能包含一份报表(一个县区一个月份)", "an upload must hold exactly one return",
        expected: "一个 Excel 工作簿、一个 XML 文件,或一个 CSV 文件夹压缩成的 zip (one workbook, .xml file or zip of one CSV folder)")
    public static let portalLocked = Rule(
        "portal.locked", "该月报表已审核锁定,重新上传须填写更正说明", "the month is approved and locked; a new version needs a correction note",
        expected: "填写更正说明:改了什么、为什么改 (a correction note explaining what changed and why)")
    public static let portalBackdated = Rule(
        "portal.backdated", "新版本的报送日期早于当前版本的报送日期", "the new version's submitted_on is before the current version's",
        expected: "报送日期不早于当前版本的报送日期:更正版本填写实际报送(更正)的日期 (a submitted_on on or after the current version's)")
    public static let portalPeriodRange = Rule(
        "portal.period_range", "报送期间超出可接受的范围", "the period is outside the accepted range",
        expected: "报送期间不晚于下个月,不早于 2000-01 (a month from 2000-01 to next month)")
    public static let portalExplanationUnmatched = Rule(
        "portal.explanation.unmatched", "核实说明中的这条说明没有对应的核实性审核提示,未保存",
        "an explanation of the 核实说明 sheet answers no warning of this return and was not kept",
        expected: "规则与提示对象同审核报告中的提示一致,或提示对象填 * (the rule and key of a warning in the report, or *)",
        severity: .warning)
}
