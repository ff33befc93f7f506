import FundWatchCore

extension ReportBuilder {
    /// Table 7 举报线索办理情况: per county and the city, the window's tip-offs received,
    /// filed, closed and substantiated, each step's timeliness, and the rewards paid.
    func tipoffTable() -> ReportTable {
        var columns = [
            ReportColumn(key: "received", label: "受理线索", unit: "件"),
            ReportColumn(key: "filed", label: "立案", unit: "件"),
            ReportColumn(key: "closed", label: "办结", unit: "件"),
            ReportColumn(key: "substantiated", label: "查实", unit: "件"),
            ReportColumn(key: "substantiation_rate", label: "查实率"),
            ReportColumn(key: "rewards_paid", label: "发放奖励", unit: "万元"),
        ]
        for step in TipoffStep.allCases {
            columns.append(ReportColumn(key: "\(step.rawValue).judged", group: step.label, label: "到期", unit: "项"))
            columns.append(ReportColumn(key: "\(step.rawValue).on_time", group: step.label, label: "按期", unit: "项"))
            columns.append(ReportColumn(key: "\(step.rawValue).rate", group: step.label, label: "按期率"))
        }
        func cells(_ f: TipoffFigures?) -> [ReportCell] {
            guard let f else { return Array(repeating: .none, count: columns.count) }
            var out: [ReportCell] = [
                .count(f.received), .count(f.filed), .count(f.closed), .count(f.substantiated), .rate(f.substantiationRate), .money(f.rewardsPaid),
            ]
            for step in TipoffStep.allCases {
                let (judged, onTime) = f.counts(step)
                out += [.count(judged), .count(onTime), .rate(f.onTimeRate(step))]
            }
            return out
        }
        var rows = zip(period.counties, summaries).map { county, summary in
            ReportRow(key: county.countyCode, label: countyLabel(county), cells: cells(summary?.tipoffFigures))
        }
        let city = summaries.compactMap { $0?.tipoffFigures }.reduce(TipoffFigures(), +)
        rows.append(ReportRow(key: "total", label: "合计", cells: cells(city), isTotal: true))
        let s = input.policy.tipoffs
        return ReportTable(
            id: "table7", number: 7, title: "举报线索办理情况表(\(windowText))", rowHeading: "县(区)",
            columns: columns, rows: rows,
            footnotes: [
                "受理、立案、办结、查实按各日期在 \(input.window) 内计;查实率 = 查实 ÷ 办结。举报奖励按发放日期计(未填发放日期的按办结日期,再按受理日期)。",
                "按期率 = 按期 ÷ 到期:应办日期在本期内且不晚于 \(input.asOf) 的环节中,在应办日期前(含当日)办理的比例。期限按工作日计:作出是否立案决定 \(s.decideDays)、"
                    + "告知实名举报人 \(s.informDays)、办结 \(s.closeDays)、反馈举报人 \(s.feedbackDays) 个工作日;无到期环节的按期率为 —。合计行的比率由合计数重新计算。",
            ])
    }
}
