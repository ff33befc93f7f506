/// What one indicator measured for a county, and the points it earned.
public struct IndicatorResult: Sendable, Hashable {
    public var indicator: Indicator
    /// The measured value as shown: `75.0%`, `1.23 万元/家`, `3 件` …
    public var value: String
    /// The share of the weight earned, as a fraction `numerator / denominator` capped at 1.
    public var numerator: Int64
    public var denominator: Int64
    /// Points in tenths (one decimal), rounded half up from `weight × numerator / denominator`.
    public var pointsTenths: Int
}

/// One county's scorecard line.
public struct CountyScore: Sendable, Hashable {
    public var countyCode: String
    public var countyName: String
    public var results: [IndicatorResult]
    /// The score in tenths: the sum of the indicators' rounded points, so it can be recomputed by hand.
    public var scoreTenths: Int { results.reduce(0) { $0 + $1.pointsTenths } }
    public var rank = 0
    public var band = Band.red
}

/// The figures the evaluation needs for one county, gathered by the caller from the
/// window's metrics, notices and return timeliness.
public struct EvaluationFacts: Sendable {
    public var countyCode: String
    public var countyName: String
    public var metrics: Metrics
    /// Major-case notices whose due date lies in the window and is not after the as-of date.
    public var noticesJudged: Int
    public var noticesOnTime: Int
    /// Monthly returns of the window whose due day has passed, and how many came on time.
    public var returnsJudged: Int
    public var returnsOnTime: Int
    /// Consistency warnings in the county's registers, and the registers' rows.
    public var warnings: Int
    public var rows: Int
    /// Tip-off steps `inform` and `feedback` whose due day lies in the window and is not
    /// after the as-of date, and how many were done on time.
    public var tipoffStepsJudged: Int
    public var tipoffStepsOnTime: Int

    public init(
        countyCode: String, countyName: String, metrics: Metrics, noticesJudged: Int, noticesOnTime: Int,
        returnsJudged: Int, returnsOnTime: Int, warnings: Int, rows: Int, tipoffStepsJudged: Int = 0, tipoffStepsOnTime: Int = 0
    ) {
        self.tipoffStepsJudged = tipoffStepsJudged
        self.tipoffStepsOnTime = tipoffStepsOnTime
        self.countyCode = countyCode
        self.countyName = countyName
        self.metrics = metrics
        self.noticesJudged = noticesJudged
        self.noticesOnTime = noticesOnTime
        self.returnsJudged = returnsJudged
        self.returnsOnTime = returnsOnTime
        self.warnings = warnings
        self.rows = rows
    }
}

/// Scores counties by an evaluation method.
public struct Evaluation: Sendable {
    public var method: EvaluationMethod
    public var months: Int
    public var scores: [CountyScore]
    /// The city's metrics over the window, the reference for per-institution indicators.
    public var city: Metrics

    /// Scores every county and ranks them (ties share a rank; order by score, then code).
    public init(facts: [EvaluationFacts], method: EvaluationMethod, months: Int) {
        self.method = method
        self.months = months
        let city = Metrics.sum(facts.map(\.metrics))
        self.city = city
        var scores = facts.map { Self.score($0, city: city, method: method, months: months) }
        scores.sort { ($1.scoreTenths, $0.countyCode) < ($0.scoreTenths, $1.countyCode) }
        for i in scores.indices {
            scores[i].rank = i > 0 && scores[i].scoreTenths == scores[i - 1].scoreTenths ? scores[i - 1].rank : i + 1
            scores[i].band = method.band(tenths: scores[i].scoreTenths)
        }
        self.scores = scores
    }

    /// `weight × min(1, n / d)` in tenths of a point, rounded half up; d = 0 earns full points.
    public static func tenths(weight: Int, numerator: Int64, denominator: Int64) -> Int {
        guard denominator > 0 else { return weight * 10 }
        let n = max(0, min(numerator, denominator))
        return Int((Int64(weight) * 10 * n * 2 + denominator) / (2 * denominator))
    }

    static func score(_ f: EvaluationFacts, city: Metrics, method: EvaluationMethod, months: Int) -> CountyScore {
        let m = f.metrics
        var results: [IndicatorResult] = []
        func add(_ indicator: Indicator, _ value: String, _ n: Int64, _ d: Int64) {
            results.append(
                IndicatorResult(
                    indicator: indicator, value: value, numerator: n, denominator: d,
                    pointsTenths: tenths(weight: method.weights[indicator] ?? 0, numerator: n, denominator: d)))
        }
        // Rates against their targets: rate / target = inspected × 100 / (designated × target%).
        add(.coverageRate, m.coverageRate.display, Int64(m.inspected) * 100, Int64(m.designated) * Int64(method.coverageTargetPercent))
        add(.randomRate, m.randomRate.display, Int64(m.randomSampled) * 100, Int64(m.designated) * Int64(method.randomTargetPercent))
        // Per designated institution, relative to the city: (county / designated) ÷ (city / city designated).
        let perInstitution = m.designated == 0 ? Money.zero : Money(fen: m.refusedRecovered.fen / Int64(m.designated))
        add(
            .recoveryPerInstitution, perInstitution.wanString + " 万元/家",
            m.refusedRecovered.fen * Int64(city.designated), city.refusedRecovered.fen * Int64(m.designated))
        add(
            .handledPerInstitution, Rate(m.handledInstitutions, of: m.designated).display,
            Int64(m.handledInstitutions) * Int64(city.designated), Int64(city.handledInstitutions) * Int64(m.designated))
        add(
            .noticeTimeliness, f.noticesJudged == 0 ? "无到期报告" : Rate(f.noticesOnTime, of: f.noticesJudged).display,
            Int64(f.noticesOnTime), Int64(f.noticesJudged))
        add(.exposures, "\(m.exposures) 件", Int64(m.exposures), Int64(method.exposuresPerMonth * months))
        add(
            .returnTimeliness, f.returnsJudged == 0 ? "无到期报表" : Rate(f.returnsOnTime, of: f.returnsJudged).display,
            Int64(f.returnsOnTime), Int64(f.returnsJudged))
        // Data quality: full points with no warnings, none at the tolerance; linear between.
        // Earned share = 1 − (warnings × 100 / rows) / tolerance = (rows × tolerance − warnings × 100) / (rows × tolerance).
        let tolerance = Int64(method.warningsPer100RowsForZero)
        let rows = Int64(max(f.rows, 1))
        add(.dataQuality, "\(f.warnings) 条/\(f.rows) 行", max(0, rows * tolerance - Int64(f.warnings) * 100), rows * tolerance)
        if method.indicators.contains(.tipoffTimeliness) {
            add(
                .tipoffTimeliness, f.tipoffStepsJudged == 0 ? "无到期环节" : Rate(f.tipoffStepsOnTime, of: f.tipoffStepsJudged).display,
                Int64(f.tipoffStepsOnTime), Int64(f.tipoffStepsJudged))
        }
        return CountyScore(countyCode: f.countyCode, countyName: f.countyName, results: results)
    }
}
