import FundWatchCore

/// A 信用风险分类 class: A (lowest risk) … D (highest).
public enum RiskClass: String, Sendable, CaseIterable, Comparable, Codable, CodingKeyRepresentable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"

    public static func < (lhs: RiskClass, rhs: RiskClass) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An institution that may be drawn: a designated institution of a county's latest return.
public struct DrawTarget: Sendable, Hashable, Codable {
    public var countyCode: String
    public var countyName: String
    public var code: String
    public var name: String
    public var category: InstitutionCategory
    /// From `--risk`; nil without a risk file or when the file does not list the institution.
    public var riskClass: RiskClass?

    public init(countyCode: String, countyName: String, code: String, name: String, category: InstitutionCategory, riskClass: RiskClass?) {
        self.countyCode = countyCode
        self.countyName = countyName
        self.code = code
        self.name = name
        self.category = category
        self.riskClass = riskClass
    }
}

/// A law-enforcement officer of the 执法检查人员名录库.
public struct Inspector: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var countyCode: String
    public var unit: String
    public var qualified: Bool

    public init(id: String, name: String, countyCode: String, unit: String, qualified: Bool) {
        self.id = id
        self.name = name
        self.countyCode = countyCode
        self.unit = unit
        self.qualified = qualified
    }
}

/// An inspection item (检查事项); applies to one institution category, or to all.
public struct CheckItem: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var category: InstitutionCategory?

    public init(id: String, title: String, category: InstitutionCategory?) {
        self.id = id
        self.title = title
        self.category = category
    }
}

/// Institutions an earlier draw drew, for the exclusion of recent targets.
public struct PreviousDraw: Sendable, Hashable {
    public var period: YearMonth
    public var codes: [String]

    public init(period: YearMonth, codes: [String]) {
        self.period = period
        self.codes = codes
    }
}

/// What a draw is a function of, besides the seed.
public struct DrawInputs: Sendable {
    public var targets: [DrawTarget]
    public var inspectors: [Inspector]
    public var items: [CheckItem]
    public var previous: [PreviousDraw]

    public init(targets: [DrawTarget], inspectors: [Inspector], items: [CheckItem], previous: [PreviousDraw]) {
        self.targets = targets
        self.inspectors = inspectors
        self.items = items
        self.previous = previous
    }
}

/// The draw's parameters (`[draw]` of the configuration, and the command's options).
public struct DrawParameters: Sendable, Hashable, Codable {
    public var period: YearMonth
    /// The public seed, fixed before the draw (a date and a lottery number, say).
    public var seed: String
    /// The least share drawn from every stratum, in percent (`--ratio`, default 5).
    public var ratioPercent: Int
    /// Each risk class's share, in percent; a class never draws less than `ratioPercent`.
    public var classRatios: [RiskClass: Int]
    /// 交叉检查: inspectors never inspect their own county.
    public var crossCounty: Bool
    /// Institutions drawn in the previous N months are drawn only if a stratum needs them.
    public var excludeMonths: Int
    /// The plan's window: the period and the N - 1 months after it.
    public var windowMonths: Int

    public init(
        period: YearMonth, seed: String, ratioPercent: Int = 5, classRatios: [RiskClass: Int] = DrawParameters.standardClassRatios,
        crossCounty: Bool = true, excludeMonths: Int = 0, windowMonths: Int = 3
    ) {
        self.period = period
        self.seed = seed
        self.ratioPercent = ratioPercent
        self.classRatios = classRatios
        self.crossCounty = crossCounty
        self.excludeMonths = excludeMonths
        self.windowMonths = windowMonths
    }

    /// The parameters `[draw]` sets, for a period, a seed and a base ratio.
    public init(period: YearMonth, seed: String, ratioPercent: Int = 5, settings: DrawSettings) {
        var classes: [RiskClass: Int] = [:]
        for c in RiskClass.allCases { classes[c] = settings.classRatios[c.rawValue] ?? ratioPercent }
        self.init(
            period: period, seed: seed, ratioPercent: ratioPercent, classRatios: classes, crossCounty: settings.crossCounty,
            excludeMonths: settings.excludeMonths, windowMonths: settings.windowMonths)
    }

    /// Higher shares for higher risk: A 5%, B 5%, C 10%, D 20%.
    public static let standardClassRatios: [RiskClass: Int] = [.a: 5, .b: 5, .c: 10, .d: 20]

    /// The share of a stratum of `riskClass` (nil: no risk class), in percent.
    public func ratio(for riskClass: RiskClass?) -> Int {
        max(ratioPercent, riskClass.flatMap { classRatios[$0] } ?? ratioPercent)
    }

    /// The first and last day inspections of the plan count in.
    public var window: (from: Day, to: Day) {
        var last = period
        for _ in 1..<max(1, windowMonths) { last = last.next }
        return (period.firstDay, last.lastDay)
    }
}
