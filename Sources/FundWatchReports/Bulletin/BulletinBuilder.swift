import FundWatchCore

/// The monthly publicity bulletin (曝光通报): headline figures for the month and the year to
/// date with their change, two bar charts, the typical cases exposed in the month, and the
/// tip-off hotline. Built from the chosen submissions only: no reporter, no insured person.
public struct BulletinBuilder: Sendable {
    public let current: ReportBuilder
    /// The previous month's report, when the data exists.
    public let previous: ReportBuilder?
    /// The same month of last year, when the data exists.
    public let lastYear: ReportBuilder?
    public let settings: BulletinSettings

    public init(current: ReportInput, previous: ReportInput?, lastYear: ReportInput?, settings: BulletinSettings) {
        self.current = ReportBuilder(current)
        self.previous = previous.map(ReportBuilder.init)
        self.lastYear = lastYear.map(ReportBuilder.init)
        self.settings = settings
    }

    /// The headline metrics, in the bulletin's order.
    static let headline: [MetricKey] = [
        .inspected, .handledInstitutions, .handledCases, .amountInvolved, .refusedRecovered,
        .damagesFines, .suspensions, .terminations, .policeTransfers, .exposures,
    ]

    /// Whether a comparison month holds a return of every county that has one this month.
    static func comparable(_ other: ReportBuilder?, with current: ReportBuilder) -> Bool {
        guard let other else { return false }
        let now = Set(current.input.choices.filter { $0.status == .ok }.map(\.countyCode))
        let then = Set(other.input.choices.filter { $0.status == .ok }.map(\.countyCode))
        return !now.isEmpty && now.isSubset(of: then)
    }

    /// `+12.5%`, `-3.0%`, or `—` when the base is zero; exact from integers, rounded half away from zero.
    static func change(_ now: Int64, _ before: Int64) -> String {
        guard before != 0 else { return "—" }
        let diff = now - before
        let permille = (abs(diff) * 2000 + abs(before)) / (2 * abs(before))
        return (diff < 0 ? "-" : "+") + String(permille / 10) + "." + String(permille % 10) + "%"
    }

    /// A metric's exact integer amount (fen for money).
    static func amount(_ value: MetricValue) -> Int64 {
        switch value {
        case .count(let n): Int64(n)
        case .money(let m): m.fen
        case .rate(let r): Int64(r.numerator)
        }
    }

    func viewModel() -> BulletinView {
        let month = current.input.window.to
        let canCompareMonth = Self.comparable(previous, with: current)
        let canCompareYear = Self.comparable(lastYear, with: current)
        let figures = Self.headline.map { key in
            let now = key.value(in: current.period.city)
            let ytd = key.value(in: current.yearToDate.city)
            let monthChange = canCompareMonth ? Self.change(Self.amount(now), Self.amount(key.value(in: previous!.period.city))) : "—"
            let yearChange = canCompareYear ? Self.change(Self.amount(now), Self.amount(key.value(in: lastYear!.period.city))) : "—"
            return BulletinView.Figure(
                label: key.label, unit: key.unit, month: now.display, ytd: ytd.display, monthChange: monthChange, yearChange: yearChange)
        }
        let ytdCounties = current.yearToDate.counties.filter { $0.metrics != nil }
        let coverage = BarChart(
            title: "各县(区)检查覆盖率(\(month.year)年累计)",
            bars: ytdCounties.map { ($0.countyName, Int64($0.metrics!.coverageRate.permille ?? 0), $0.metrics!.coverageRate.display) },
            scaleMax: 1000, tickStep: 250, tickLabel: { "\($0 / 10)%" })
        let money = BarChart(
            title: "各县(区)拒付及追回金额(\(month.year)年累计,万元)",
            bars: ytdCounties.map { ($0.countyName, $0.metrics!.refusedRecovered.fen, $0.metrics!.refusedRecovered.wanString) },
            scaleMax: nil, tickStep: nil, tickLabel: { Money(fen: $0).wanString })
        let cases = exposedCases()
        let notes = [
            canCompareMonth ? "环比:与 \(month.previous) 比较。" : "环比:\(month.previous) 数据不完整或缺失,不作比较。",
            canCompareYear ? "同比:与 \(month.year - 1) 年 \(month.month) 月比较。" : "同比:无 \(month.year - 1) 年 \(month.month) 月可比数据。",
        ]
        let notCurrent = current.input.choices.filter { $0.status != .ok }
        return BulletinView(
            issuer: settings.issuer, hotline: settings.hotline, rewardText: settings.rewardText, tipoffLine: tipoffLine(),
            year: month.year, month: month.month,
            period: month.description, asOf: current.input.asOf.description, figures: figures,
            comparisonNotes: notes.map { BulletinView.Note(text: $0) }, charts: [coverage.viewModel(), money.viewModel()], cases: cases,
            hasCases: !cases.isEmpty, caseCount: cases.count, staleCounties: notCurrent.map(\.countyName).joined(separator: "、"),
            hasStale: !notCurrent.isEmpty)
    }

    /// 受理举报线索 N 件,查实 M 件,发放奖励 X 元: the month's and the year's, from the
    /// counties' tip-off registers; nil when no county sent one this year.
    func tipoffLine() -> String? {
        let month = current.summaries.compactMap { $0?.tipoffFigures }.reduce(TipoffFigures(), +)
        let year = current.summaries.compactMap { $0?.tipoffFiguresYearToDate }.reduce(TipoffFigures(), +)
        guard year.received > 0 || year.closed > 0 else { return nil }
        let to = current.input.window.to
        return "\(to.month)月受理举报线索 \(month.received) 件,查实 \(month.substantiated) 件,发放举报奖励 \(month.rewardsPaid.yuanString) 元;"
            + "\(to.year)年累计受理 \(year.received) 件,查实 \(year.substantiated) 件,发放举报奖励 \(year.rewardsPaid.yuanString) 元。"
    }

    /// Cases exposed in the month: institution, violations, handling and amounts — nothing personal.
    func exposedCases() -> [BulletinView.ExposedCase] {
        let cases = current.summaries.flatMap { $0?.exposedCases ?? [] }
        return cases.enumerated().map { index, c in
            BulletinView.ExposedCase(
                number: index + 1, county: c.countyName, institution: c.institutionName, category: c.categoryLabel,
                violations: c.violations.map(\.label).joined(separator: "、"),
                actions: c.actions.isEmpty ? "调查处理中" : c.actions.map(\.label).joined(separator: "、"), involved: c.amountInvolved.wanString,
                recovered: c.recovered.wanString, penalties: c.penalties.wanString, exposedOn: c.exposedOn.description)
        }
    }
}
