import Foundation
import FundWatchCore
import FundWatchInput

/// A month's new activity against the county's own months, and a new case's amount against
/// earlier cases (docs/FORMAT.md, "Plausibility"): robust scores (``RobustScore``), no
/// verdict on a thin history.
struct OutlierCheck {
    let settings: PlausibilitySettings

    /// The month's figures compared with the county's history: inspected institutions,
    /// cases handled, amounts involved, refused and recovered (table 1's monthly increments).
    static var metrics: [MetricKey] { ReturnProfile.monthMetrics }

    /// Below this distance from the median nothing is flagged, whatever the score: 5
    /// institutions or cases, 50,000 yuan (5 万元).
    static func floor(_ key: MetricKey) -> Int64 {
        key.unit == "万元" ? 5_000_000 : 5
    }

    var threshold: Double { Double(settings.outlierScoreHundredths) / 100 }
    var amountThreshold: Double { Double(settings.amountScoreHundredths) / 100 }

    /// The scale a metric is compared on: counts as they are, money as log10(1 + yuan)
    /// (amounts are heavy-tailed: one large case should not make a month an outlier, a
    /// hundredfold one should).
    static func scaled(_ value: Int64, _ key: MetricKey) -> Double {
        key.unit == "万元" ? log10(1 + Double(value) / 100) : Double(value)
    }

    /// The month's figures of `current` against `history` (the county's earlier months, at
    /// most `historyMonths` of them, newest first).
    func metricFindings(_ current: ReturnProfile, file: String, history: [ReturnProfile]) -> [Finding] {
        let months = Array(history.sorted { $0.period > $1.period }.prefix(settings.historyMonths))
        guard months.count >= settings.minHistoryMonths else { return [] }
        var out: [Finding] = []
        for key in Self.metrics {
            let raw = months.map { $0.month[key] ?? 0 }
            let x = current.month[key] ?? 0
            let robust = RobustScore(history: raw.map { Self.scaled($0, key) })
            let score = robust.score(Self.scaled(x, key))
            let median = RobustScore.median(raw.map(Double.init))
            // Only a month far above the county's usual level: a quiet month is no error.
            guard score > threshold, Double(x) - median >= Double(Self.floor(key)) else { continue }
            let shown = Self.show(x, key), medianText = Self.show(median, key)
            let scale = key.unit == "万元" ? ",按对数" : ""
            let scoreText = score.isFinite ? Self.decimal(score) : "∞"
            let spread = robust.usesMeanDeviation ? "平均绝对偏差" : "MAD"
            out.append(
                Finding(
                    at: FindingLocation(file: file, line: nil), rule: Rule.metricOutlier.id, severity: .warning,
                    message: Rule.metricOutlier.message
                        + ":\(key.label) 本月 \(shown)\(key.unit),以往 \(months.count) 个月中位数 \(medianText)\(key.unit)(\(spread)\(scale)),修正 z 值 \(scoreText) > \(Self.decimal(threshold))",
                    messageEN: Rule.metricOutlier.messageEN
                        + ": \(key.name) this month \(shown), median of \(months.count) earlier months \(medianText); modified z-score \(scoreText) > \(Self.decimal(threshold))",
                    expected: Rule.metricOutlier.expected, key: key.name))
        }
        return out
    }

    /// The amount involved of each new case of `current` (not in any earlier month) against
    /// the county's earlier cases, or with fewer than `minHistoryCases` of those the city's
    /// (`city`), on a log scale; only amounts far above are flagged (a fen-for-yuan
    /// typo is 100 times too big).
    /// The amounts of the county's earlier cases, by case id (each case once, its latest amount).
    static func earlierAmounts(_ history: [ReturnProfile]) -> [String: Money] {
        var earlier: [String: Money] = [:]
        for month in history.sorted(by: { $0.period < $1.period }) {
            for c in month.cases where c.amountInvolved.fen > 0 && c.subjectType == .institution { earlier[c.caseID] = c.amountInvolved }
        }
        return earlier
    }

    func needsCityAmounts(_ current: ReturnProfile, history: [ReturnProfile]) -> Bool {
        let earlier = Self.earlierAmounts(history)
        return earlier.count < settings.minHistoryCases
            && current.cases.contains { earlier[$0.caseID] == nil && $0.amountInvolved.fen > 0 && $0.subjectType == .institution }
    }

    func amountFindings(_ current: ReturnProfile, file: String, history: [ReturnProfile], city: AmountReference) -> [Finding] {
        let earlier = Self.earlierAmounts(history)
        let own = earlier.values.map(\.fen)
        let robust: RobustScore, count: Int, whose: String
        if own.count >= settings.minHistoryCases {
            (robust, count, whose) = (RobustScore(history: own.map { log10(Double($0)) }), own.count, "本县")
        } else {
            guard city.count >= settings.minHistoryCases, let score = city.score else { return [] }
            (robust, count, whose) = (score, city.count, "全市")
        }
        var out: [Finding] = []
        for c in current.cases where earlier[c.caseID] == nil && c.amountInvolved.fen > 0 && c.subjectType == .institution {
            let score = robust.score(log10(Double(c.amountInvolved.fen)))
            guard score > amountThreshold else { continue }
            let typical = Money(fen: Int64(pow(10, robust.median).rounded())).yuanString
            let scoreText = score.isFinite ? Self.decimal(score) : "∞"
            out.append(
                Finding(
                    at: FindingLocation(file: file, line: nil, column: "amount_involved", label: Register.cases.label(named: "amount_involved")),
                    rule: Rule.amountOutlier.id, severity: .warning,
                    message: Rule.amountOutlier.message
                        + ":案件编号 \(c.caseID) 涉及金额 \(c.amountInvolved.yuanString) 元,\(whose) \(count) 件案件的中位数约 \(typical) 元,修正 z 值(对数)\(scoreText) > \(Self.decimal(amountThreshold))",
                    messageEN: Rule.amountOutlier.messageEN
                        + ": case_id \(c.caseID) amount_involved \(c.amountInvolved.yuanString), median of \(count) cases about \(typical); modified z-score of log10 \(scoreText)",
                    expected: Rule.amountOutlier.expected, key: c.caseID))
        }
        return out
    }

    /// A figure as a page shows it: a count, or 万元 with two decimals.
    static func show(_ value: Int64, _ key: MetricKey) -> String {
        key.unit == "万元" ? Money(fen: value).wanString : String(value)
    }

    static func show(_ value: Double, _ key: MetricKey) -> String {
        key.unit == "万元" ? Money(fen: Int64(value.rounded())).wanString : (value == value.rounded() ? String(Int64(value)) : decimal(value))
    }

    /// Two decimals, rounded half away from zero.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int64((abs(value) * 100).rounded())
        let text = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
        return value < 0 ? "-" + text : text
    }
}
