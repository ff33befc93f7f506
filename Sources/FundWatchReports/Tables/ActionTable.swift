import FundWatchCore

extension ReportBuilder {
    /// Table 4 协议处理情况: cases and institutions per agreement action, mild to severe, the
    /// cases by whom they are about, and the suspensions (中止协议) by their length.
    func actionTable() -> ReportTable {
        let present = summaries.compactMap { $0 }
        func total(_ part: (CountySummary) -> ActionTally?) -> ActionTally {
            present.reduce(ActionTally(cases: 0, institutions: 0)) { $0 + (part($1) ?? ActionTally(cases: 0, institutions: 0)) }
        }
        func row(
            key: String, label: String, total isTotal: Bool = false, bySubject: Bool = true, _ part: (CountySummary) -> ActionTally?
        ) -> ReportRow {
            let tally = total(part)
            let subjects: [ReportCell] = SubjectType.allCases.map { bySubject ? .count(tally.bySubject[$0]) : .none }
            return ReportRow(key: key, label: label, cells: [.count(tally.cases), .count(tally.institutions)] + subjects, isTotal: isTotal)
        }
        var rows: [ReportRow] = []
        for action in AgreementAction.allCases {
            rows.append(row(key: action.code, label: action.label) { $0.byAction[action] })
            guard action == .suspend else { continue }
            // The suspensions by length, as the agreement rules tier them.
            for months in CountySummary.suspensionTiers {
                rows.append(row(key: "suspend.\(months)", label: "其中:中止 \(months) 个月", bySubject: false) { $0.suspensionsByMonths[months] })
            }
            rows.append(row(key: "suspend.other", label: "其中:中止其他月数", bySubject: false) { $0.suspensionsByMonths[0] })
        }
        rows.append(row(key: "total", label: "合计", total: true, \.anyAction))
        return ReportTable(
            id: "table4", number: 4, title: "协议处理情况表(\(windowText))", rowHeading: "处理方式",
            columns: [
                ReportColumn(key: "cases", label: "案件数", unit: "件"),
                ReportColumn(key: "institutions", label: "涉及机构", unit: "家"),
            ] + Self.subjectColumns,
            rows: rows,
            footnotes: [
                "统计期内立案的案件,处理方式由轻到重排列。一案有多种处理方式的分别计数;合计行为有处理方式的案件(每案一次)。机构数按县区内机构去重,只计定点医药机构的案件。",
                "暂停(中止)协议按暂停月数分档:1、2、4、6 个月,其他月数另列;各档之和等于暂停(中止)协议的案件数。",
            ])
    }
}
