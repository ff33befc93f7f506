/// A step of handling a tip-off that has a deadline in working days.
public enum TipoffStep: String, Sendable, CaseIterable, Hashable {
    /// 受理 → 是否立案决定 (received_on → decided_on).
    case decide
    /// 决定 → 告知实名举报人 (decided_on → informed_on), real-name tip-offs only.
    case inform
    /// 立案 → 办结 (decided_on → closed_on), filed tip-offs only.
    case close
    /// 办结 → 反馈举报人 (closed_on → feedback_on), filed tip-offs of a real-name reporter.
    case feedback

    /// The step as the clerk knows it.
    public var label: String {
        switch self {
        case .decide: "作出是否立案决定"
        case .inform: "告知实名举报人"
        case .close: "办结"
        case .feedback: "反馈举报人"
        }
    }
}

/// Where a step stands on the as-of day.
public enum TipoffStepStatus: String, Sendable, Hashable {
    /// Its start has not happened (by the as-of day).
    case pending
    /// Started, not done, the due day not passed.
    case due
    /// Started, not done, the due day passed.
    case overdue
    /// Done on or before the due day.
    case onTime = "on_time"
    /// Done after the due day.
    case late
    /// The step does not apply to this tip-off (not real-name, not filed).
    case notApplicable = "not_applicable"

    /// The status as a page shows it.
    public var label: String {
        switch self {
        case .pending: "未开始"
        case .due: "办理中"
        case .overdue: "已超期"
        case .onTime: "按期"
        case .late: "逾期办结"
        case .notApplicable: "不适用"
        }
    }
}

/// One step's deadline on the as-of day.
public struct TipoffDeadline: Sendable, Hashable {
    public let step: TipoffStep
    public let status: TipoffStepStatus
    /// The last working day allowed; nil while pending or when not applicable.
    public let due: Day?
    /// For `due`: the working days after the as-of day up to and including the due day.
    public let daysLeft: Int?
    /// For `overdue`: the working days after the due day up to and including the as-of day;
    /// for `late`, up to and including the day it was done.
    public let daysOver: Int?
}

/// The working days each step may take (`[tipoffs]`; docs/FORMAT.md says where each default comes from).
public struct TipoffSettings: Sendable, Hashable {
    public var decideDays = 15
    public var informDays = 5
    public var closeDays = 60
    public var feedbackDays = 15
    /// `[calendar] file`, resolved against the configuration file's folder; read by the pipeline.
    public var calendarFile: String?
    /// The working days (Monday–Friday until a calendar file is read).
    public var calendar = WorkingCalendar.weekdays

    public init() {}

    public static let standard = TipoffSettings()

    static let keys = ["decide_days", "inform_days", "close_days", "feedback_days"]

    /// Reads `[tipoffs]` and `[calendar]`; the calendar file's path is taken relative to the
    /// configuration file's folder.
    public init(config: ConfigFile) throws(ConfigFile.Problem) {
        self.init()
        for entry in config.section("tipoffs") {
            switch entry.key {
            case "decide_days": decideDays = try config.integer(entry, in: 1...365)
            case "inform_days": informDays = try config.integer(entry, in: 1...365)
            case "close_days": closeDays = try config.integer(entry, in: 1...3_650)
            case "feedback_days": feedbackDays = try config.integer(entry, in: 1...365)
            default: throw config.problem(entry, "unknown key \(entry.key) in [tipoffs]; known: " + Self.keys.joined(separator: ", "))
            }
        }
        for entry in config.section("calendar") {
            switch entry.key {
            case "file":
                let path = try config.text(entry)
                if path.hasPrefix("/") {
                    calendarFile = path
                } else {
                    let folder = config.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
                    calendarFile = folder.isEmpty ? path : folder + "/" + path
                }
            default: throw config.problem(entry, "unknown key \(entry.key) in [calendar]; known: file")
            }
        }
    }

    /// The working days `step` may take.
    public func days(_ step: TipoffStep) -> Int {
        switch step {
        case .decide: decideDays
        case .inform: informDays
        case .close: closeDays
        case .feedback: feedbackDays
        }
    }

    /// Every step of `tipoff` on `asOf` (a date after `asOf` counts as not yet happened), in
    /// step order; steps that do not apply are `not_applicable`.
    public func deadlines(of tipoff: Tipoff, asOf: Day) -> [TipoffDeadline] {
        func known(_ day: Day?) -> Day? { day.flatMap { $0 <= asOf ? $0 : nil } }
        let decided = known(tipoff.decidedOn)
        let decision = decided == nil ? nil : tipoff.decision
        let closed = known(tipoff.closedOn)
        // nil: applies; false: does not; decided by the decision when known.
        let filed: Bool? = decision.map { $0 == .file }
        return TipoffStep.allCases.map { step in
            let start: Day?, end: Day?, applies: Bool
            switch step {
            case .decide: (start, end, applies) = (known(tipoff.receivedOn), decided, true)
            case .inform: (start, end, applies) = (decided, known(tipoff.informedOn), tipoff.realName)
            case .close: (start, end, applies) = (decided, closed, filed ?? true)
            case .feedback: (start, end, applies) = (closed, known(tipoff.feedbackOn), tipoff.realName && (filed ?? true))
            }
            return deadline(step, start: start, end: end, applies: applies, asOf: asOf)
        }
    }

    private func deadline(_ step: TipoffStep, start: Day?, end: Day?, applies: Bool, asOf: Day) -> TipoffDeadline {
        guard applies else { return TipoffDeadline(step: step, status: .notApplicable, due: nil, daysLeft: nil, daysOver: nil) }
        guard let start else { return TipoffDeadline(step: step, status: .pending, due: nil, daysLeft: nil, daysOver: nil) }
        let due = calendar.workingDay(days(step), after: start)
        if let end {
            return end <= due
                ? TipoffDeadline(step: step, status: .onTime, due: due, daysLeft: nil, daysOver: nil)
                : TipoffDeadline(step: step, status: .late, due: due, daysLeft: nil, daysOver: calendar.workingDays(after: due, through: end))
        }
        return asOf <= due
            ? TipoffDeadline(step: step, status: .due, due: due, daysLeft: calendar.workingDays(after: asOf, through: due), daysOver: nil)
            : TipoffDeadline(step: step, status: .overdue, due: due, daysLeft: nil, daysOver: calendar.workingDays(after: due, through: asOf))
    }
}
