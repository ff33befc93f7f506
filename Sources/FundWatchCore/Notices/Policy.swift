/// The configurable parameters of METRICS.md's notice and timeliness rules.
public struct Policy: Sendable, Hashable {
    /// A case with `amount_involved` at or above this is major (default ¥100,000).
    public var majorAmountThreshold = Money(fen: 10_000_000)
    /// A major-case notice is due this many calendar days after its trigger (default 7).
    public var noticeDays = 7
    /// A monthly return is due on this day of the following month (default 5).
    public var returnDueDay = 5
    /// The working days each step of a tip-off may take, and the working-day calendar
    /// (`[tipoffs]`, `[calendar]`).
    public var tipoffs = TipoffSettings.standard

    public init() {}

    /// The defaults of METRICS.md.
    public static let standard = Policy()

    /// The day a return for `month` is due.
    public func returnDue(for month: YearMonth) -> Day {
        let next = month.next
        return next.firstDay.adding(days: min(returnDueDay, next.lastDay.day) - 1)
    }
}
