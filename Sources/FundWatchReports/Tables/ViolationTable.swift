import FundWatchCore

extension ReportBuilder {
    /// Table 3 违规类型统计: cases and amount involved per violation type, and the cases by
    /// whom they are about. A case with two types counts under both; the total counts it once.
    func violationTable() -> ReportTable {
        let present = summaries.compactMap { $0 }
        func cells(_ tally: CaseTally) -> [ReportCell] {
            [.count(tally.cases), .money(tally.amountInvolved)] + SubjectType.allCases.map { .count(tally.bySubject[$0]) }
        }
        func sum(_ part: (CountySummary) -> CaseTally?) -> CaseTally {
            present.reduce(CaseTally(cases: 0, amountInvolved: .zero)) { $0 + (part($1) ?? CaseTally(cases: 0, amountInvolved: .zero)) }
        }
        var rows = Violation.allCases.map { violation in
            ReportRow(key: violation.code, label: violation.label, cells: cells(sum { $0.byViolation[violation] }))
        }
        rows.append(ReportRow(key: "total", label: "合计", cells: cells(sum(\.allCases)), isTotal: true))
        return ReportTable(
            id: "table3", number: 3, title: "违规类型统计表(\(windowText))", rowHeading: "违规类型",
            columns: [
                ReportColumn(key: "cases", label: "案件数", unit: "件"),
                ReportColumn(key: "amount_involved", label: "涉及金额", unit: "万元"),
            ] + Self.subjectColumns,
            rows: rows,
            footnotes: [
                "统计期内立案的案件。一案涉及多种违规类型的,在各类型下分别计数;合计行每案只计一次,故合计可小于各行之和。",
                "按被查处对象:定点医药机构(未填被查处对象类别的案件)、参保人员、经办机构、医保医师、其他;表1、表2只统计定点医药机构的案件。",
            ])
    }

    /// The columns of the cases by subject (tables 3 and 4).
    static var subjectColumns: [ReportColumn] {
        SubjectType.allCases.map { ReportColumn(key: "subject.\($0.code)", group: "按被查处对象", label: $0.label, unit: "件") }
    }
}
