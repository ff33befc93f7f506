/// A calendar date (proleptic Gregorian), without time or time zone.
///
/// Stored as the number of days since 1970-01-01 so that comparing and adding days is exact.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int32

    /// The ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { Int((Int64(ordinal) + 3) % 7 + 7) % 7 + 1 }

    /// Creates a day from its ordinal (days since 1970-01-01).
    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// Creates a day from year, month and day; nil when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Day.daysIn(year: year, month: month)
        else { return nil }
        self.ordinal = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    /// A day reached by arithmetic on months (its year may lie outside 1…9999); `day` must
    /// exist in that month.
    init(reachedYear year: Int, month: Int, day: Int) {
        ordinal = Int32(clamping: Day.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD` exactly (ten characters, an existing date).
    public init?(iso text: String) {
        var text = text
        guard let day = text.withUTF8({ Day(isoUTF8: $0) }) else { return nil }
        self = day
    }

    /// ``init(iso:)`` over UTF-8 bytes, for readers that have not made a string.
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        var parts = (0, 0, 0)
        var count = 0
        for byte in bytes {
            switch count {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard byte >= 48, byte <= 57, count < 10 else { return nil }
                let digit = Int(byte - 48)
                if count < 4 {
                    parts.0 = parts.0 * 10 + digit
                } else if count < 7 {
                    parts.1 = parts.1 * 10 + digit
                } else {
                    parts.2 = parts.2 * 10 + digit
                }
            }
            count += 1
        }
        guard count == 10 else { return nil }
        self.init(year: parts.0, month: parts.1, day: parts.2)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }
    /// The month this day falls in.
    public var yearMonth: YearMonth { YearMonth(of: civil) }

    /// This day moved by `days` calendar days (total: it stops at the ends of the ordinal's
    /// range, some five million years away, rather than overflow).
    public func adding(days: Int) -> Day {
        let (sum, overflow) = Int(ordinal).addingReportingOverflow(days)
        return Day(ordinal: overflow ? (days < 0 ? .min : .max) : Int32(clamping: sum))
    }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { Int(other.ordinal) - Int(ordinal) }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = civil
        return Day.pad(c.year, 4) + "-" + Day.pad(c.month, 2) + "-" + Day.pad(c.day, 2)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    var civil: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
