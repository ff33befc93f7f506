/// Which days are working days (工作日): Monday to Friday unless listed as a holiday, and
/// any day listed as a workday (a weekend day worked in exchange, 调休). The bureau keeps
/// the list current from the State Council's annual notice on public holidays.
public struct WorkingCalendar: Sendable, Hashable {
    /// Days off that would otherwise be working days (a holiday on a weekend changes nothing).
    public private(set) var holidays: Set<Day> = []
    /// Days worked that would otherwise be off.
    public private(set) var workdays: Set<Day> = []

    /// Monday to Friday, no holidays.
    public static let weekdays = WorkingCalendar()

    public init() {}

    public init(holidays: Set<Day>, workdays: Set<Day>) {
        self.holidays = holidays
        self.workdays = workdays
    }

    /// The calendar of a `date,kind` CSV file (`kind`: `holiday` or `workday`; a header row
    /// `date,kind` first; blank lines and lines starting with `#` ignored). `file` names the
    /// file in each problem, with its line.
    public init(csv text: String, file: String) throws(ConfigFile.Problem) {
        var seenHeader = false
        var kinds: [Day: (kind: String, line: Int)] = [:]
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let trimmed = Self.trimmed(raw)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false).map(Self.trimmed)
            if !seenHeader {
                seenHeader = true
                guard fields == ["date", "kind"] else {
                    throw ConfigFile.Problem(file: file, line: line, message: "the calendar's first row must be the header date,kind")
                }
                continue
            }
            guard fields.count == 2, let day = Day(iso: fields[0]) else {
                throw ConfigFile.Problem(file: file, line: line, message: "expected date,kind with a date YYYY-MM-DD, found \(trimmed)")
            }
            guard fields[1] == "holiday" || fields[1] == "workday" else {
                throw ConfigFile.Problem(file: file, line: line, message: "kind must be holiday or workday, found \(fields[1])")
            }
            if let earlier = kinds[day] {
                throw ConfigFile.Problem(file: file, line: line, message: "\(day) is listed twice (first on line \(earlier.line))")
            }
            kinds[day] = (fields[1], line)
            if fields[1] == "holiday" { holidays.insert(day) } else { workdays.insert(day) }
        }
        guard seenHeader else { throw ConfigFile.Problem(file: file, line: 1, message: "the calendar is empty; expected the header date,kind") }
    }

    /// Whether `day` is a working day.
    public func isWorkingDay(_ day: Day) -> Bool {
        if workdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return day.weekday <= 5
    }

    /// The `count`-th working day after `day` (`day` itself not counted); `day` for 0.
    public func workingDay(_ count: Int, after day: Day) -> Day {
        var current = day
        var left = count
        while left > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { left -= 1 }
        }
        return current
    }

    /// The working days after `start` up to and including `end`; 0 when `end` is not after `start`.
    public func workingDays(after start: Day, through end: Day) -> Int {
        guard end > start else { return 0 }
        var n = 0
        var current = start
        while current < end {
            current = current.adding(days: 1)
            if isWorkingDay(current) { n += 1 }
        }
        return n
    }

    /// Text without surrounding white space (a CR of a Windows line end included).
    private static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
