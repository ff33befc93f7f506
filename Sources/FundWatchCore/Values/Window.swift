/// A reporting window: whole months `from … to` of one calendar year.
public struct Window: Hashable, Sendable, CustomStringConvertible {
    public let from: YearMonth
    public let to: YearMonth

    /// Why a window could not be made.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case fromAfterTo(from: YearMonth, to: YearMonth)
        case spansYears(from: YearMonth, to: YearMonth)

        public var description: String {
            switch self {
            case let .fromAfterTo(f, t): return "window start \(f) is after its end \(t) (窗口起始月晚于截止月)"
            case let .spansYears(f, t): return "window \(f)…\(t) spans two years; a window lies within one calendar year (窗口须在同一年度内)"
            }
        }
    }

    /// Creates the window `from … to`; `from` defaults to `to`.
    public init(from: YearMonth? = nil, to: YearMonth) throws(Problem) {
        let start = from ?? to
        guard start <= to else { throw .fromAfterTo(from: start, to: to) }
        guard start.year == to.year else { throw .spansYears(from: start, to: to) }
        self.from = start
        self.to = to
    }

    /// The year-to-date window ending at `to` (累计).
    public static func yearToDate(_ to: YearMonth) -> Window {
        try! Window(from: to.january, to: to)
    }

    /// The window of one month alone (its own activity).
    public static func month(_ month: YearMonth) -> Window {
        try! Window(from: month, to: month)
    }

    public var firstDay: Day { from.firstDay }
    public var lastDay: Day { to.lastDay }

    /// Whether `day` falls within the window.
    public func contains(_ day: Day) -> Bool { day >= firstDay && day <= lastDay }

    /// Whether an optional day is set and falls within the window.
    public func contains(_ day: Day?) -> Bool { day.map(contains) ?? false }

    public var description: String { from == to ? "\(to)" : "\(from)…\(to)" }
}
