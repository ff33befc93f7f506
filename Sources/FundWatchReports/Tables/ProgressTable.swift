import FundWatchCore

extension ReportBuilder {
    /// Table 1 专项治理进度表: one row per county and the city total; each metric for the
    /// window (本期) and the year to date (累计).
    func progressTable() -> ReportTable {
        let columns = MetricKey.allCases.flatMap { key in
            [
                ReportColumn(key: "\(key.name).period", group: key.label, label: "本期", unit: key.unit),
                ReportColumn(key: "\(key.name).ytd", group: key.label, label: "累计", unit: key.unit),
            ]
        }
        func cells(_ now: Metrics?, _ ytd: Metrics?) -> [ReportCell] {
            MetricKey.allCases.flatMap { key in [now, ytd].map { m in m.map { Self.cell(key.value(in: $0)) } ?? .none } }
        }
        var rows = zip(period.counties, yearToDate.counties).map { now, ytd in
            ReportRow(key: now.countyCode, label: countyLabel(now), cells: cells(now.metrics, ytd.metrics))
        }
        rows.append(ReportRow(key: "total", label: "合计", cells: cells(period.city, yearToDate.city), isTotal: true))
        return ReportTable(
            id: "table1", number: 1, title: "医保基金监管专项治理进度表(\(windowText))", rowHeading: "县(区)",
            columns: columns, rows: rows,
            footnotes: [
                "本期为 \(input.window),累计为 \(yearToDate.window)。金额单位万元,按精确金额四舍五入保留两位小数;合计行由精确合计值计算,比率由合计数重新计算。",
                "检查覆盖率 = 已检查机构数 ÷ 定点医药机构数(自查自纠不计入检查);抽查比例 = 双随机抽查机构数 ÷ 定点医药机构数。",
            ] + (restatementNote.map { [$0] } ?? []))
    }

    /// How many counties the note names before it only counts the rest.
    static let restatementsNamed = 10

    /// The note saying which counties' earlier months were restated since first reported
    /// (nil when none): per county, the months and how many figures, in county order (up to
    /// ``restatementsNamed`` counties, then how many in all); the figures are in `revisions`.
    var restatementNote: String? {
        guard !restated.isEmpty else { return nil }
        var counties: [(name: String, code: String, months: [Int], figures: Int)] = []
        for r in restated {
            if let last = counties.last, last.code == r.countyCode {
                counties[counties.count - 1].figures += 1
                if last.months.last != r.month.month { counties[counties.count - 1].months.append(r.month.month) }
            } else {
                counties.append((r.countyName, r.countyCode, [r.month.month], 1))
            }
        }
        let named = counties.prefix(Self.restatementsNamed).map { c in
            "\(c.name) \(c.months.map(String.init).joined(separator: "、"))月(\(c.figures) 项)"
        }
        let rest = counties.count > Self.restatementsNamed ? ",等共 \(counties.count) 个县区" : ""
        let year = input.window.to.year
        return "数据修订:\(year)年往月表1数据在首次报送后被后来的报表修订:\(named.joined(separator: ";"))\(rest)。各表均按最新报表计算;"
            + "每项的原报数、现数和修订它的报表见「数据修订」(fundwatch revisions --to \(input.window.to))。"
    }

    static func cell(_ value: MetricValue) -> ReportCell {
        switch value {
        case .count(let n): .count(n)
        case .money(let m): .money(m)
        case .rate(let r): .rate(r)
        }
    }
}
