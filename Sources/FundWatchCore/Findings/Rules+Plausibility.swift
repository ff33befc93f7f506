/// The 核实性审核 rules: warnings a return is accepted with, which the clerk explains
/// (docs/FORMAT.md, "Plausibility"). Their ids read `plausibility.<what>.<check>`.
extension Rule {
    public static let rowMissing = Rule(
        "plausibility.row.missing", "上月报表中的行本月不见了", "a row of the previous month's return is gone",
        expected: "台账按年累计,上月已报的行本月应保留;确需删除的,请说明原因 "
            + "(the registers are year to date: rows of last month's return stay; explain a deletion)",
        severity: .warning)
    public static let rowChanged = Rule(
        "plausibility.row.changed", "已结案案件的金额、违规类型或处理方式与上月不同", "a closed case's amounts, violations or actions changed",
        expected: "已结案案件与上月一致;确需更正的,请说明原因 (a closed case as last month; explain a correction)", severity: .warning)
    public static let rowBackdated = Rule(
        "plausibility.row.backdated", "补录了已报月份的记录,已报数据将随之改变", "rows dated in a month already reported were added",
        expected: "新增记录的日期在本月;补录以前月份的,请说明原因 (new rows dated in this month; explain rows added to an earlier month)",
        severity: .warning)
    public static let registerShrunk = Rule(
        "plausibility.register.shrunk", "定点医药机构台账比上月明显减少", "the institutions register shrank markedly since last month",
        expected: "机构数与上月相近;协议终止的机构应保留并标为终止,请说明变化原因 "
            + "(about last month's rows: a terminated agreement stays, marked terminated; explain the change)",
        severity: .warning)
    public static let registerGrew = Rule(
        "plausibility.register.grew", "定点医药机构台账比上月明显增加", "the institutions register grew markedly since last month",
        expected: "机构数与上月相近;新签协议较多的,请说明原因 (about last month's rows; explain many new agreements)", severity: .warning)
    public static let metricOutlier = Rule(
        "plausibility.metric.outlier", "本月新增数远离本县以往各月", "this month's new activity is far from the county's own history",
        expected: "与本县以往各月相近;确有原因的(专项行动、集中结案),请说明 (near the county's own months; explain a campaign or a batch)",
        severity: .warning)
    public static let amountOutlier = Rule(
        "plausibility.amount.outlier", "案件金额远超常见范围,请核对单位(元)", "a case amount is far outside the usual range",
        expected: "以元为单位的金额,与以往案件相近;是否误以分为单位填报?确实如此的,请说明 "
            + "(yuan, near earlier cases: was it typed in fen? explain a real one)",
        severity: .warning)

    /// Every plausibility rule, in the order docs/FORMAT.md lists them.
    public static let plausibility: [Rule] = [rowMissing, rowChanged, rowBackdated, registerShrunk, registerGrew, metricOutlier, amountOutlier]
}
