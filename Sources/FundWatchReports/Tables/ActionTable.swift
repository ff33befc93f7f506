import FundWatchCore

extension ReportBuilder {
    /// Table 4 协议处理情况: cases and institutions per agreement action, mild to severe.
    func actionTable() -> ReportTable {
        let present = summaries.compactMap { $0 }
        func row(key: String, label: String, total: Bool = false, _ part: (CountySummary) -> ActionTally?) -> ReportRow {
            let tally = present.reduce(ActionTally(cases: 0, institutions: 0)) { $0 + (part($1) ?? ActionTally(cases: 0, institutions: 0)) }
            return ReportRow(key: key, label: label, cells: [.count(tally.cases), .count(tally.institutions)], isTotal: total)
        }
        var rows = AgreementAction.allCases.map { action in
            row(key: action.code, label: action.label) { $0.byAction[action] }
        }
        rows.append(row(key: "total", label: "合计", total: true, \.anyAction))
        return ReportTable(
            id: "table4", number: 4, title: "协议处理情况表(\(windowText))", rowHeading: "处理方式",
            columns: [
                ReportColumn(key: "cases", label: "案件数", unit: "件"),
                ReportColumn(key: "institutions", label: "涉及机构", unit: "家"),
            ],
            rows: rows,
            footnotes: ["统计期内立案的案件,处理方式由轻到重排列。一案有多种处理方式的分别计数;合计行为有处理方式的案件(每案一次)。机构数按县区内机构去重。"])
    }
}
