import FundWatchCore

extension ReportBuilder {
    /// Table 2 分类统计: the city's figures for the window by institution category.
    func categoryTable() -> ReportTable {
        let keys: [MetricKey] = [
            .designated, .inspected, .coverageRate, .handledInstitutions,
            .amountInvolved, .refusedRecovered, .suspensions, .terminations,
        ]
        let columns = keys.map { ReportColumn(key: $0.name, label: $0.label, unit: $0.unit) }
        func cells(_ m: Metrics) -> [ReportCell] { keys.map { Self.cell($0.value(in: m)) } }
        var rows = InstitutionCategory.allCases.map { category in
            let sum = Metrics.sum(summaries.compactMap { $0?.byCategory[category] })
            return ReportRow(key: category.code, label: category.label, cells: cells(sum))
        }
        rows.append(ReportRow(key: "total", label: "合计", cells: cells(period.city), isTotal: true))
        return ReportTable(
            id: "table2", number: 2, title: "定点医药机构分类统计表(\(windowText))", rowHeading: "机构类别",
            columns: columns, rows: rows,
            footnotes: ["按机构在所用提交版本中的类别归类;案件按被查处机构归类。"])
    }
}
