/// Whether a county's monthly return arrived on time (报送情况).
public enum Timeliness: Sendable, Hashable {
    /// First accepted version sent on or before the due day.
    case onTime
    /// First accepted version sent this many days after the due day.
    case late(days: Int)
    /// Nothing sent and the due day has passed (as of the report date).
    case missing
    /// Nothing sent yet, but the due day has not passed.
    case notYetDue

    /// `on_time`, `late`, `missing` or `not_due`.
    public var code: String {
        switch self {
        case .onTime: "on_time"
        case .late: "late"
        case .missing: "missing"
        case .notYetDue: "not_due"
        }
    }

    public var label: String {
        switch self {
        case .onTime: "按时"
        case .late(let days): "迟报\(days)天"
        case .missing: "未报"
        case .notYetDue: "未到期"
        }
    }

    /// Judges a return for `month` by its first accepted version's `submitted_on`.
    public init(firstSubmittedOn: Day?, month: YearMonth, policy: Policy, asOf: Day) {
        let due = policy.returnDue(for: month)
        if let sent = firstSubmittedOn {
            self = sent <= due ? .onTime : .late(days: due.days(to: sent))
        } else {
            self = asOf <= due ? .notYetDue : .missing
        }
    }
}
