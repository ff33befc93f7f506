/// What the plausibility checks (核实性审核) need of one return, kept instead of the return
/// itself: a batch of a whole city's year is read with every return reduced to this (no
/// institutions, no case texts, no reporter), and a store reads it narrowly for the months
/// before (its month figures were stored with the version).
public struct ReturnProfile: Sendable, Hashable {
    public let countyCode: String
    public let period: YearMonth
    /// Rows in the institutions register.
    public let institutionCount: Int
    /// The cases in register order.
    public let cases: [CaseFacts]
    /// The inspections in register order.
    public let inspections: [InspectionKey]
    /// The month's own figures (window: the period alone) of ``monthMetrics``, as integers
    /// (fen for money).
    public let month: [MetricKey: Int64]

    /// The figures of a month's new activity the checks compare with the county's history
    /// (table 1's monthly increments): inspected institutions, cases handled, amounts
    /// involved, refused and recovered. A store keeps them with each version.
    public static let monthMetrics: [MetricKey] = [.inspected, .handledCases, .amountInvolved, .refusedRecovered]

    /// The amounts involved of its institutions' cases that have one (the amount checks'
    /// population).
    public var caseAmounts: [Money] { cases.filter { $0.subjectType == .institution }.map(\.amountInvolved).filter { $0.fen > 0 } }

    /// The profile of a whole return; `month` when its figures are already computed
    /// (``monthFigures(of:)``).
    public init(_ submission: Submission, month: [MetricKey: Int64]? = nil) {
        countyCode = submission.header.countyCode
        period = submission.header.period
        institutionCount = submission.institutions.count
        cases = submission.cases.map(CaseFacts.init)
        inspections = submission.inspections.map(InspectionKey.init)
        self.month = month ?? Self.monthFigures(of: submission)
    }

    /// A profile from its parts (as a store reads them).
    public init(
        countyCode: String, period: YearMonth, institutionCount: Int, cases: [CaseFacts], inspections: [InspectionKey],
        month: [MetricKey: Int64]
    ) {
        self.countyCode = countyCode
        self.period = period
        self.institutionCount = institutionCount
        self.cases = cases
        self.inspections = inspections
        self.month = month
    }

    /// The ``monthMetrics`` of `submission` in its own month, as integers (a count, or fen).
    public static func monthFigures(of submission: Submission) -> [MetricKey: Int64] {
        let metrics = Metrics(submission: submission, window: .month(submission.header.period))
        return Dictionary(uniqueKeysWithValues: monthMetrics.map { ($0, integer($0.value(in: metrics))) })
    }

    /// A metric's value as an integer: a count, or fen.
    public static func integer(_ value: MetricValue) -> Int64 {
        switch value {
        case .count(let n): Int64(n)
        case .money(let m): m.fen
        case .rate(let r): Int64(r.numerator)
        }
    }
}
