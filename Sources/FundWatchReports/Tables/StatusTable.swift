import FundWatchCore

extension ReportBuilder {
    /// Table 6 报送情况: per county, the version used, when it was sent and whether on time.
    func statusTable() -> ReportTable {
        let month = input.window.to
        let due = input.policy.returnDue(for: month)
        let columns = [
            ReportColumn(key: "period_used", label: "所用数据期间"),
            ReportColumn(key: "first_submitted_on", label: "首次报送日期"),
            ReportColumn(key: "due", label: "应报日期"),
            ReportColumn(key: "timeliness", label: "\(month.month)月报送及时性"),
            ReportColumn(key: "status", label: "数据状态"),
            ReportColumn(key: "digest", label: "内容摘要"),
        ]
        var tally: [String: Int] = [:]
        let rows = input.choices.map { choice -> ReportRow in
            let timeliness = Timeliness(firstSubmittedOn: input.firstSubmittedOn[choice.countyCode], month: month,
                                        policy: input.policy, asOf: input.asOf)
            tally[timeliness.code, default: 0] += 1
            return ReportRow(key: choice.countyCode, label: choice.countyName, cells: [
                choice.chosen.map { .text($0.period.description) } ?? .none,
                input.firstSubmittedOn[choice.countyCode].map(ReportCell.date) ?? .none,
                .date(due), .text(timeliness.label), .text(choice.status.label),
                choice.chosen.map { .text(String($0.digest.prefix(12))) } ?? .none,
            ])
        }
        let summary = [("on_time", "按时"), ("late", "迟报"), ("missing", "未报"), ("not_due", "未到期")]
            .map { "\($1) \(tally[$0] ?? 0) 个" }.joined(separator: ",")
        return ReportTable(
            id: "table6", number: 6, title: "县(区)报送情况表(\(month.year)年\(month.month)月)", rowHeading: "县(区)",
            columns: columns, rows: rows,
            footnotes: [
                "\(month) 的报表应于 \(due)(含当日)前报送;及时性按首个通过校验版本的报送日期判断,统计使用最新版本。",
                "\(summary)。沿用旧数据:本月未报送,使用该县区此前最近一期数据。内容摘要为所用版本 SHA-256 的前 12 位。",
            ])
    }
}
