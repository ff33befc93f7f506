import FundWatchCore
import Testing

/// Working days and the deadlines of a tip-off's steps (docs/FORMAT.md, "Tip-offs"), around
/// the 2026 Spring Festival block (15–23 February off, Saturdays 14 and 28 February worked)
/// and the Qingming holiday (6 April). Every expected day below was counted by hand.
@Suite("Tip-off deadlines in working days")
struct TipoffDeadlineTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    static let calendar: WorkingCalendar = {
        let csv = """
            # a comment, then the header
            date,kind
            2026-02-14,workday
            2026-02-16,holiday
            2026-02-17,holiday
            2026-02-18,holiday
            2026-02-19,holiday
            2026-02-20,holiday
            2026-02-23,holiday
            2026-02-28,workday
            2026-04-06,holiday\r

            """
        return try! WorkingCalendar(csv: csv, file: "holidays.csv")
    }()

    static var settings: TipoffSettings {
        var s = TipoffSettings.standard
        s.calendar = calendar
        return s
    }

    @Test("a working day: Monday–Friday unless a holiday; a listed workday even on a weekend")
    func workingDays() {
        let c = Self.calendar
        #expect(Self.day("2026-02-13").weekday == 5 && Self.day("2026-02-14").weekday == 6 && Self.day("2026-02-15").weekday == 7)
        #expect(Self.day("1970-01-01").weekday == 4)
        #expect(c.isWorkingDay(Self.day("2026-02-13")))
        #expect(c.isWorkingDay(Self.day("2026-02-14")))  // Saturday, worked in exchange
        #expect(!c.isWorkingDay(Self.day("2026-02-15")))  // Sunday inside the block (not listed)
        #expect(!c.isWorkingDay(Self.day("2026-02-16")))
        #expect(!c.isWorkingDay(Self.day("2026-02-21")))  // Saturday
        #expect(c.isWorkingDay(Self.day("2026-02-24")))
        #expect(!c.isWorkingDay(Self.day("2026-03-07")))
        // The N-th working day after D, D not counted.
        #expect(c.workingDay(1, after: Self.day("2026-02-13")) == Self.day("2026-02-14"))
        #expect(c.workingDay(2, after: Self.day("2026-02-13")) == Self.day("2026-02-24"))
        #expect(c.workingDay(15, after: Self.day("2026-02-10")) == Self.day("2026-03-09"))
        #expect(c.workingDay(15, after: Self.day("2026-03-20")) == Self.day("2026-04-13"))
        #expect(c.workingDay(0, after: Self.day("2026-03-20")) == Self.day("2026-03-20"))
        #expect(c.workingDays(after: Self.day("2026-03-11"), through: Self.day("2026-03-31")) == 14)
        #expect(c.workingDays(after: Self.day("2026-03-31"), through: Self.day("2026-03-11")) == 0)
        #expect(WorkingCalendar.weekdays.workingDay(15, after: Self.day("2026-02-10")) == Self.day("2026-03-03"))
    }

    func tipoff(_ id: String, received: String, realName: Bool = true) -> Tipoff {
        Tipoff(tipoffID: id, receivedOn: Self.day(received), channel: .hotline, realName: realName, subjectType: .insured)
    }

    func statuses(_ t: Tipoff, asOf: String = "2026-03-31") -> [String] {
        Self.settings.deadlines(of: t, asOf: Self.day(asOf)).map { d in
            [d.step.rawValue, d.status.rawValue, d.due?.description ?? "-", d.daysLeft.map(String.init) ?? "-", d.daysOver.map(String.init) ?? "-"]
                .joined(separator: " ")
        }
    }

    @Test("filed, real-name: decided on time, informed a working day late, closed on time, feedback due with 8 working days left")
    func filed() {
        var t = tipoff("A", received: "2026-02-10")
        t.decidedOn = Self.day("2026-03-04")
        t.decision = .file
        t.informedOn = Self.day("2026-03-12")
        t.closedOn = Self.day("2026-03-20")
        #expect(
            statuses(t) == [
                "decide on_time 2026-03-09 - -", "inform late 2026-03-11 - 1", "close on_time 2026-05-28 - -", "feedback due 2026-04-13 8 -",
            ])
        // On the due day itself no working day is left; the next working day it is one over.
        #expect(statuses(t, asOf: "2026-04-13")[3] == "feedback due 2026-04-13 0 -")
        #expect(statuses(t, asOf: "2026-04-14")[3] == "feedback overdue 2026-04-13 - 1")
        // A Saturday after the due day is no working day over.
        #expect(statuses(t, asOf: "2026-04-18")[3] == "feedback overdue 2026-04-13 - 4")
    }

    @Test("not decided: overdue by 14 working days; the later steps pending; a date after the as-of day has not happened yet")
    func undecided() {
        var t = tipoff("B", received: "2026-02-12")
        #expect(statuses(t) == ["decide overdue 2026-03-11 - 14", "inform pending - - -", "close pending - - -", "feedback pending - - -"])
        t.decidedOn = Self.day("2026-04-01")
        t.decision = .file
        #expect(statuses(t)[0] == "decide overdue 2026-03-11 - 14")
        #expect(statuses(t, asOf: "2026-04-01")[0] == "decide late 2026-03-11 - 15")
    }

    @Test("anonymous or not filed: the steps that cannot apply are not_applicable")
    func notApplicable() {
        var anonymous = tipoff("C", received: "2026-03-02", realName: false)
        anonymous.decidedOn = Self.day("2026-03-06")
        anonymous.decision = .reject
        #expect(
            statuses(anonymous) == [
                "decide on_time 2026-03-23 - -", "inform not_applicable - - -", "close not_applicable - - -", "feedback not_applicable - - -",
            ])
        var transferred = tipoff("D", received: "2026-01-05")
        transferred.decidedOn = Self.day("2026-01-09")
        transferred.decision = .transfer
        transferred.informedOn = Self.day("2026-01-16")
        #expect(
            statuses(transferred) == [
                "decide on_time 2026-01-26 - -", "inform on_time 2026-01-16 - -", "close not_applicable - - -", "feedback not_applicable - - -",
            ])
    }

    @Test("the register's order: overdue first (most over first), then due (fewest left first), then the rest")
    func order() {
        let asOf = Self.day("2026-03-31")
        func status(_ t: Tipoff) -> TipoffStatus { TipoffStatus(t, countyCode: "990101", countyName: "示例区", settings: Self.settings, asOf: asOf) }
        let late = status(tipoff("late", received: "2026-02-12"))
        let later = status(tipoff("later", received: "2026-02-02"))
        let soon = status(tipoff("soon", received: "2026-03-12"))
        let fresh = status(tipoff("fresh", received: "2026-03-30"))
        let sorted = [fresh, soon, late, later].sorted(by: TipoffStatus.urgentFirst).map(\.tipoffID)
        #expect(sorted == ["later", "late", "soon", "fresh"])
        #expect(late.isOverdue && !fresh.isOverdue)
    }

    @Test("a calendar file: header date,kind; a bad date, an unknown kind or a day listed twice names the line")
    func calendarProblems() {
        func problem(_ csv: String) -> ConfigFile.Problem? {
            do {
                _ = try WorkingCalendar(csv: csv, file: "h.csv")
                return nil
            } catch { return error }
        }
        #expect(problem("day,kind\n")?.line == 1)
        #expect(problem("date,kind\n2026-02-30,holiday\n")?.line == 2)
        #expect(problem("date,kind\n2026-02-16,off\n")?.message.contains("holiday or workday") == true)
        #expect(problem("date,kind\n2026-02-16,holiday\n2026-02-16,workday\n")?.message.contains("line 2") == true)
        #expect(problem("") != nil)
    }

    @Test("[tipoffs] and [calendar] in a configuration: days in range, unknown keys refused, the calendar file beside the configuration")
    func configuration() throws {
        let config = try ConfigFile(
            text: "[tipoffs]\ndecide_days = 10\nclose_days = 90\n[calendar]\nfile = \"holidays.csv\"\n", file: "/etc/fundwatch/fundwatch.conf")
        let settings = try Settings(config)
        #expect(settings.policy.tipoffs.decideDays == 10 && settings.policy.tipoffs.closeDays == 90 && settings.policy.tipoffs.informDays == 5)
        #expect(settings.policy.tipoffs.calendarFile == "/etc/fundwatch/holidays.csv")
        #expect(throws: ConfigFile.Problem.self) { try Settings(try ConfigFile(text: "[tipoffs]\ndecide = 3\n", file: "x.conf")) }
        #expect(throws: ConfigFile.Problem.self) { try Settings(try ConfigFile(text: "[tipoffs]\ninform_days = 0\n", file: "x.conf")) }
    }
}
