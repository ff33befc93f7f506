/// A calendar month, such as a reporting period `2026-03`.
///
/// Months enter from text or checked numbers (years 1…9999), but arithmetic on them is
/// total: the month after 9999-12 is 10000-01 and the month before 0001-01 is 0000-12, so no
/// input, however far out, can stop the program; where months come from users, the caller
/// bounds them (a return's period, a form's month).
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Creates a month; nil unless `month` is 1…12 and `year` 1…9999.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// A month reached by arithmetic, its year possibly outside 1…9999.
    private init(reached year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` exactly.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
            let y = Day.number(bytes[0..<4]), let m = Day.number(bytes[5..<7])
        else { return nil }
        self.init(year: y, month: m)
    }

    /// The first day of the month.
    public var firstDay: Day { Day(reachedYear: year, month: month, day: 1) }
    /// The last day of the month.
    public var lastDay: Day { Day(reachedYear: year, month: month, day: Day.daysIn(year: year, month: month)) }
    /// January of the same year.
    public var january: YearMonth { YearMonth(reached: year, month: 1) }
    /// The following month.
    public var next: YearMonth { month == 12 ? YearMonth(reached: year + 1, month: 1) : YearMonth(reached: year, month: month + 1) }
    /// The preceding month.
    public var previous: YearMonth { month == 1 ? YearMonth(reached: year - 1, month: 12) : YearMonth(reached: year, month: month - 1) }

    /// The month of a day (any day: arithmetic may have taken it past year 9999).
    init(of day: (year: Int, month: Int, day: Int)) { self.init(reached: day.year, month: day.month) }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// `YYYY-MM`.
    public var description: String { Day.pad(year, 4) + "-" + Day.pad(month, 2) }
}

extension YearMonth: Codable {
    /// As its `YYYY-MM` text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let month = YearMonth(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a month YYYY-MM: \(text)")
        }
        self = month
    }
}
