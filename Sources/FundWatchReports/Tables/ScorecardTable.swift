import FundWatchCore

extension ReportBuilder {
    /// The evaluation facts of every county that sent anything (a missing county is not scored).
    func evaluationFacts() -> [EvaluationFacts] {
        let window = input.window
        let months = Array(sequence(first: window.from) { $0 < window.to ? $0.next : nil })
        let notices = self.notices
        return zip(period.counties, summaries).compactMap { county, summary in
            guard let metrics = county.metrics, let summary else { return nil }
            let judged = notices.filter { n in
                n.countyCode == county.countyCode && n.due.map { window.contains($0) && $0 <= input.asOf } == true
            }
            let returns = months.map { input.timeliness(county: county.countyCode, month: $0) }.filter { $0 != .notYetDue }
            return EvaluationFacts(
                countyCode: county.countyCode, countyName: county.countyName, metrics: metrics,
                noticesJudged: judged.count, noticesOnTime: judged.filter { $0.status == .onTime }.count,
                returnsJudged: returns.count, returnsOnTime: returns.filter { $0 == .onTime }.count,
                warnings: summary.consistencyWarnings, rows: summary.rowCount,
                tipoffStepsJudged: summary.tipoffFigures.counts(.inform).judged + summary.tipoffFigures.counts(.feedback).judged,
                tipoffStepsOnTime: summary.tipoffFigures.counts(.inform).onTime + summary.tipoffFigures.counts(.feedback).onTime)
        }
    }

    /// The evaluation of the window's counties by `method`.
    public func evaluation(_ method: EvaluationMethod) -> Evaluation {
        let w = input.window
        return Evaluation(facts: evaluationFacts(), method: method, months: w.to.month - w.from.month + 1)
    }

    /// The scorecard (绩效评价得分表): each indicator's value and points, the score, rank and band,
    /// with the method written out underneath so anyone can recompute a score by hand.
    public func scorecard(_ method: EvaluationMethod) -> ReportDocument {
        let evaluation = self.evaluation(method)
        let indicators = method.indicators
        var columns: [ReportColumn] = []
        for i in indicators {
            let group = "\(i.label)(权重\(method.weights[i] ?? 0))"
            columns.append(ReportColumn(key: "\(i.rawValue).value", group: group, label: "实际值"))
            columns.append(ReportColumn(key: "\(i.rawValue).points", group: group, label: "得分", unit: "分"))
        }
        columns += [
            ReportColumn(key: "score", label: "总分", unit: "分"), ReportColumn(key: "rank", label: "排名"),
            ReportColumn(key: "band", label: "等级"),
        ]
        var rows = evaluation.scores.map { s -> ReportRow in
            var cells: [ReportCell] = []
            for r in s.results { cells += [.text(r.value), .points(r.pointsTenths)] }
            cells += [.points(s.scoreTenths), .count(s.rank), .text(s.band.label)]
            return ReportRow(key: s.countyCode, label: s.countyName, cells: cells)
        }
        let city = evaluation.city
        let cityValues: [Indicator: String] = [
            .coverageRate: city.coverageRate.display, .randomRate: city.randomRate.display,
            .recoveryPerInstitution: (city.designated == 0 ? Money.zero : Money(fen: city.refusedRecovered.fen / Int64(city.designated))).wanString
                + " 万元/家",
            .handledPerInstitution: Rate(city.handledInstitutions, of: city.designated).display, .exposures: "\(city.exposures) 件",
        ]
        var cityCells: [ReportCell] = []
        for i in indicators { cityCells += [cityValues[i].map(ReportCell.text) ?? .none, .none] }
        cityCells += [.none, .none, .none]
        rows.append(ReportRow(key: "city", label: "全市(参照)", cells: cityCells, isTotal: true))

        let w = input.window
        let months = w.to.month - w.from.month + 1
        let method = evaluation.method
        func weight(_ i: Indicator) -> Int { method.weights[i] ?? 0 }
        var notes = [
            "评价期间 \(w)(\(months) 个月),截至 \(input.asOf)。每项得分 = 权重 × min(1, 完成比例),按四舍五入保留一位小数;总分为各项得分之和;同分同名次;等级:≥\(method.greenFrom) 分绿,≥\(method.yellowFrom) 分黄,其余红。",
            "检查覆盖率(权重\(weight(.coverageRate))):完成比例 = 检查覆盖率 ÷ \(method.coverageTargetPercent)%。双随机抽查比例(权重\(weight(.randomRate))):完成比例 = 抽查比例 ÷ \(method.randomTargetPercent)%。",
            "机构均拒付追回金额(权重\(weight(.recoveryPerInstitution))):完成比例 = (本县拒付及追回金额 ÷ 本县定点机构数) ÷ (全市拒付及追回金额 ÷ 全市定点机构数),达到全市平均即得满分。机构均查处家数(权重\(weight(.handledPerInstitution))):同法,以查处机构数计。",
            "要情报告及时率(权重\(weight(.noticeTimeliness))):应报日期在评价期内且已到期的重大案件中按时报送的比例;无到期报告得满分。典型案例曝光(权重\(weight(.exposures))):完成比例 = 曝光案例数 ÷ (\(method.exposuresPerMonth) 件 × \(months) 个月)。",
            "报表报送及时率(权重\(weight(.returnTimeliness))):评价期内已到报送期限的月报中按时报送的比例。数据质量(权重\(weight(.dataQuality))):完成比例 = 1 − (每百行校验警告数 ÷ \(method.warningsPer100RowsForZero)),不低于 0。",
        ]
        if indicators.contains(.tipoffTimeliness) {
            notes.append(
                "举报告知反馈及时率(权重\(weight(.tipoffTimeliness))):应办日期在评价期内且已到期的告知实名举报人、反馈举报人环节中按期办理的比例(工作日计);无到期环节得满分。")
        }
        let missing = period.counties.filter { $0.metrics == nil }.map(\.countyName)
        if !missing.isEmpty { notes.append("未报送任何数据的县(区)不参与评价:" + missing.joined(separator: "、") + "。") }
        notes.append("全市行为参照值,不计分。")
        let table = ReportTable(
            id: "scorecard", number: 1, title: "县(区)医保基金监管绩效评价得分表(\(windowText))", rowHeading: "县(区)",
            columns: columns, rows: rows, footnotes: notes)
        var doc = document(title: "医保基金监管绩效评价", tables: [])
        doc.tables = [table]
        return doc
    }
}
