import FundWatchCore

extension ReportBuilder {
    /// The tip-off register (举报线索办理台账): every tip-off received by the report date,
    /// most urgent first, with each step's due day, status and working days left or over.
    func tipoffRegisterTable() -> ReportTable {
        var columns = [
            ReportColumn(key: "county", label: "县(区)"),
            ReportColumn(key: "received_on", label: "受理日期"),
            ReportColumn(key: "channel", label: "举报渠道"),
            ReportColumn(key: "real_name", label: "实名"),
            ReportColumn(key: "subject_type", label: "被举报对象"),
            ReportColumn(key: "decision", label: "是否立案"),
        ]
        for step in TipoffStep.allCases {
            columns.append(ReportColumn(key: "\(step.rawValue)_due", label: "\(step.label)·应办日期"))
            columns.append(ReportColumn(key: "\(step.rawValue)_status", label: "\(step.label)·状态"))
            columns.append(ReportColumn(key: "\(step.rawValue)_days", label: "\(step.label)·剩余/逾期", unit: "工作日"))
        }
        let list = tipoffs
        let rows = ReportRows(count: list.count) { index in
            let t = list[index]
            var cells: [ReportCell] = [
                .text(t.countyName), .date(t.receivedOn), .text(t.channel.label), .text(t.realName ? "是" : "否"),
                .text(t.subjectType.label), t.decision.map { .text($0.label) } ?? .none,
            ]
            for d in t.deadlines {
                cells.append(d.due.map(ReportCell.date) ?? .none)
                cells.append(.text(d.status.label))
                cells.append((d.daysLeft ?? d.daysOver).map(ReportCell.count) ?? .none)
            }
            return ReportRow(key: "\(t.countyCode)/\(t.tipoffID)", label: t.tipoffID, cells: cells)
        }
        var byStatus: [TipoffStepStatus: Int] = [:]
        for t in list {
            for d in t.deadlines where d.status != .notApplicable { byStatus[d.status, default: 0] += 1 }
        }
        let counted = [TipoffStepStatus.overdue, .due, .pending, .late, .onTime].map { "\($0.label) \(byStatus[$0] ?? 0) 项" }.joined(separator: ",")
        let s = input.policy.tipoffs
        return ReportTable(
            id: "tipoffs", number: 1, title: "举报线索办理台账(截至 \(input.asOf))", rowHeading: "线索编号",
            columns: columns, rows: rows,
            footnotes: [
                "期限按工作日计(不含起算当日):作出是否立案决定 \(s.decideDays) 个工作日(自受理),告知实名举报人 \(s.informDays) 个工作日(自决定),"
                    + "办结 \(s.closeDays) 个工作日(自立案决定),反馈举报人 \(s.feedbackDays) 个工作日(自办结)。剩余/逾期:办理中为剩余工作日,已超期与逾期办结为超出的工作日。",
                "共 \(list.count) 条线索;各环节:\(counted)。按紧急程度排列:已超期(超出多者在前)、办理中(剩余少者在前)、未开始、逾期办结、按期。",
            ])
    }
}
