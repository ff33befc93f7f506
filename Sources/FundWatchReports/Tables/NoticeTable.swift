import FundWatchCore

extension ReportBuilder {
    /// Table 5 要情报告台账: every major case with trigger, due date, status and days left / over.
    func noticeTable() -> ReportTable {
        let columns = [
            ReportColumn(key: "county", label: "县(区)"),
            ReportColumn(key: "institution", label: "机构名称"),
            ReportColumn(key: "reasons", label: "重大情形"),
            ReportColumn(key: "amount_involved", label: "涉及金额", unit: "万元"),
            ReportColumn(key: "trigger", label: "触发日期"),
            ReportColumn(key: "due", label: "应报日期"),
            ReportColumn(key: "sent", label: "报送日期"),
            ReportColumn(key: "status", label: "状态"),
            ReportColumn(key: "days_left", label: "剩余天数", unit: "天"),
            ReportColumn(key: "days_over", label: "逾期天数", unit: "天"),
        ]
        let list = notices
        // One row per major case, made when a renderer reaches it (the register can be
        // tens of thousands of cases: its cells are never all held at once).
        let rows = ReportRows(count: list.count) { index in
            let n = list[index]
            return ReportRow(
                key: "\(n.countyCode)/\(n.caseID)", label: n.caseID,
                cells: [
                    .text(n.countyName), .text(n.institutionName), .text(n.reasons.map(\.label).joined(separator: "、")),
                    .money(n.amountInvolved), n.trigger.map(ReportCell.date) ?? .none, n.due.map(ReportCell.date) ?? .none,
                    n.sent.map(ReportCell.date) ?? .none, .text(n.status.label),
                    n.daysLeft.map(ReportCell.count) ?? .none, n.daysOver.map(ReportCell.count) ?? .none,
                ])
        }
        // Counted in one pass, without copying the register per status.
        var byStatus: [NoticeStatus: Int] = [:]
        for n in list { byStatus[n.status, default: 0] += 1 }
        let counts = NoticeStatus.allCases.map { s in "\(s.label) \(byStatus[s] ?? 0) 件" }.joined(separator: ",")
        return ReportTable(
            id: "table5", number: 5, title: "重大案件要情报告台账(截至 \(input.asOf))", rowHeading: "案件编号",
            columns: columns, rows: rows,
            footnotes: [
                "重大案件:移送公安、可能引起舆论关注,或涉及金额达到 \(input.policy.majorAmountThreshold.wanString) 万元。触发日期为移送公安日期与办结日期中较早者;应于触发后 \(input.policy.noticeDays) 日内报送。",
                "共 \(list.count) 件:\(counts)。按紧急程度排列:已逾期、待报送(到期早者在前)、待触发、逾期报送、按时报送。",
            ])
    }
}
