/// One tip-off with where each of its steps stands on the as-of day: a row of the tip-off
/// register (`fundwatch tipoffs`). Never the reporter.
public struct TipoffStatus: Sendable, Hashable {
    public let countyCode: String
    public let countyName: String
    public let tipoffID: String
    public let receivedOn: Day
    public let channel: TipoffChannel
    public let realName: Bool
    public let subjectType: SubjectType
    public let decision: TipoffDecision?
    /// Every step, in step order (``TipoffStep/allCases``); those that do not apply are `not_applicable`.
    public let deadlines: [TipoffDeadline]

    public init(_ tipoff: Tipoff, countyCode: String, countyName: String, settings: TipoffSettings, asOf: Day) {
        self.countyCode = countyCode
        self.countyName = countyName
        tipoffID = tipoff.tipoffID
        receivedOn = tipoff.receivedOn
        channel = tipoff.channel
        realName = tipoff.realName
        subjectType = tipoff.subjectType
        decision = tipoff.decidedOn.map { $0 <= asOf } == true ? tipoff.decision : nil
        deadlines = settings.deadlines(of: tipoff, asOf: asOf)
    }

    /// Every tip-off of `submission` received by `asOf`, as of `asOf`.
    public static func all(in submission: Submission, settings: TipoffSettings, asOf: Day) -> [TipoffStatus] {
        submission.tipoffs.filter { $0.receivedOn <= asOf }.map {
            TipoffStatus($0, countyCode: submission.header.countyCode, countyName: submission.header.countyName, settings: settings, asOf: asOf)
        }
    }

    /// Whether any step is overdue.
    public var isOverdue: Bool { deadlines.contains { $0.status == .overdue } }

    /// The step most in need of attention: overdue (longest over first), then due (fewest
    /// working days left first), then pending, late, on time; nil when no step applies.
    public var mostUrgent: TipoffDeadline? {
        deadlines.filter { $0.status != .notApplicable }.min { Self.urgency($0) < Self.urgency($1) }
    }

    /// A deadline's place in the order of urgency (smaller first).
    static func urgency(_ d: TipoffDeadline) -> (Int, Int) {
        switch d.status {
        case .overdue: (0, -(d.daysOver ?? 0))
        case .due: (1, d.daysLeft ?? 0)
        case .pending: (2, 0)
        case .late: (3, 0)
        case .onTime: (4, 0)
        case .notApplicable: (5, 0)
        }
    }

    /// The register's order: most urgent first, then county and tip-off id.
    public static func urgentFirst(_ a: TipoffStatus, _ b: TipoffStatus) -> Bool {
        let ua = a.mostUrgent.map(urgency) ?? (6, 0), ub = b.mostUrgent.map(urgency) ?? (6, 0)
        if ua != ub { return ua < ub }
        if a.countyCode != b.countyCode { return a.countyCode < b.countyCode }
        return a.tipoffID < b.tipoffID
    }
}
