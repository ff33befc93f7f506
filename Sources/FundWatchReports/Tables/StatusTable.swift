import FundWatchCore

extension ReportBuilder {
    /// Table 6 报送情况: per county, the version used, when it was sent and whether on time.
    func statusTable() -> ReportTable {
        let month = input.window.to
        let due = input.policy.returnDue(for: month)
        let reviews = input.reviewStates
        var columns = [
            ReportColumn(key: "period_used", label: "所用数据期间"),
            ReportColumn(key: "first_submitted_on", label: "首次报送日期"),
            ReportColumn(key: "due", label: "应报日期"),
            ReportColumn(key: "timeliness", label: "\(month.month)月报送及时性"),
            ReportColumn(key: "status", label: "数据状态"),
        ]
        if reviews != nil { columns.append(ReportColumn(key: "review_state", label: "审核状态")) }
        columns.append(ReportColumn(key: "digest", label: "内容摘要"))
        var tally: [String: Int] = [:]
        let rows = input.choices.map { choice -> ReportRow in
            let timeliness = input.timeliness(county: choice.countyCode, month: month)
            tally[timeliness.code, default: 0] += 1
            var cells: [ReportCell] = [
                choice.chosen.map { .text($0.period.description) } ?? .none,
                input.firstSubmitted[choice.countyCode]?[month].map(ReportCell.date) ?? .none,
                .date(due), .text(timeliness.label), .text(choice.status.label),
            ]
            if let reviews { cells.append(reviews[choice.countyCode].map(ReportCell.text) ?? .none) }
            cells.append(choice.chosen.map { .text(String($0.digest.prefix(12))) } ?? .none)
            return ReportRow(key: choice.countyCode, label: choice.countyName, cells: cells)
        }
        let summary = [("on_time", "按时"), ("late", "迟报"), ("missing", "未报"), ("not_due", "未到期")]
            .map { "\($1) \(tally[$0] ?? 0) 个" }.joined(separator: ",")
        var footnotes = [
            "\(month) 的报表应于 \(due)(含当日)前报送;及时性按首个通过校验版本的报送日期判断,统计使用最新版本。",
            "\(summary)。沿用旧数据:本月未报送,使用该县区此前最近一期数据。内容摘要为所用版本 SHA-256 的前 12 位。",
        ]
        if reviews != nil {
            footnotes.append("审核状态为市局在报送平台对所用版本的审核结果:待审核、已审核、已退回;未送审指该版本未经平台审核(如由命令行导入)。")
        }
        return ReportTable(
            id: "table6", number: 6, title: "县(区)报送情况表(\(month.year)年\(month.month)月)", rowHeading: "县(区)",
            columns: columns, rows: rows, footnotes: footnotes)
    }
}

extension ReportBuilder {
    /// The year grid of timeliness: counties × months January … `to`, each on time,
    /// late by N days, missing, or not yet due as of the report date.
    func timelinessGrid() -> ReportTable {
        let to = input.window.to
        let months = Array(sequence(first: to.january) { $0 < to ? $0.next : nil })
        var lateCount = 0, missingCount = 0, onTimeCount = 0
        let rows = input.choices.map { choice -> ReportRow in
            let cells = months.map { month -> ReportCell in
                let t = input.timeliness(county: choice.countyCode, month: month)
                switch t {
                case .onTime: onTimeCount += 1
                case .late: lateCount += 1
                case .missing: missingCount += 1
                case .notYetDue: break
                }
                return .text(t.label)
            }
            return ReportRow(key: choice.countyCode, label: choice.countyName, cells: cells)
        }
        return ReportTable(
            id: "timeliness", number: 7, title: "县(区)报表报送及时性年度表(\(to.year)年1—\(to.month)月,截至 \(input.asOf))",
            rowHeading: "县(区)", columns: months.map { ReportColumn(key: $0.description, label: "\($0.month)月") }, rows: rows,
            footnotes: [
                "每月报表应于次月 \(input.policy.returnDueDay) 日(含)前报送,按首个通过校验版本的报送日期判断。",
                "按时 \(onTimeCount) 次,迟报 \(lateCount) 次,未报 \(missingCount) 次;未到期表示截至统计日尚未到报送期限。",
            ])
    }
}
