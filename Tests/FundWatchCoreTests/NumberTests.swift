import FundWatchCore
import Testing

@Suite("Money, rates, days and months")
struct NumberTests {
    @Test(
        "yuan text parses to exact fen",
        arguments: [
            ("125000.50", 12_500_050), ("48000", 4_800_000), ("0.5", 50), ("0", 0), ("500.00", 50_000), ("007.07", 707),
        ] as [(String, Int64)])
    func parse(text: String, fen: Int64) {
        #expect(Money(yuan: text) == Money(fen: fen))
    }

    @Test(
        "anything but a plain non-negative amount with ≤ 2 decimals is refused",
        arguments: ["", "-1", "+1", "1.234", "1,000", "1e4", ".5", "5.", "1.2.3", "¥5", " 5", "1234567890123456"])
    func refuse(text: String) {
        #expect(Money(yuan: text) == nil)
    }

    @Test("万元 rounds half up from the exact amount")
    func wan() {
        #expect(Money(fen: 483_390_000).wanString == "483.39")  // 4,833,900.00 yuan
        #expect(Money(fen: 18_680_050).wanString == "18.68")
        #expect(Money(fen: 5_000).wanString == "0.01")  // 50 yuan = 0.005 万元 → up
        #expect(Money(fen: 4_999).wanString == "0.00")
        #expect(Money(fen: 0).wanString == "0.00")
        #expect(Money(fen: 1_234_565_000).wanString == "1234.57")
        #expect(Money(fen: -5_000).wanString == "-0.01")
    }

    @Test("a total is rounded from its exact sum, not summed from rounded parts")
    func totalRounding() {
        let part = Money(fen: 4_000)  // 40 yuan → 0.00 万元 each
        let total = part + part  // 80 yuan → 0.01 万元
        #expect(part.wanString == "0.00")
        #expect(total.wanString == "0.01")
    }

    @Test("exact yuan has two decimals")
    func yuan() {
        #expect(Money(fen: 18_680_050).yuanString == "186800.50")
        #expect(Money(fen: 7).yuanString == "0.07")
        #expect(Money(fen: 1_172_000).yuanString == "11720.00")
    }

    @Test("rates show one decimal, rounded half up; a zero denominator shows —")
    func rates() {
        #expect(Rate(1087, of: 1260).display == "86.3%")
        #expect(Rate(3, of: 4).display == "75.0%")
        #expect(Rate(1, of: 16).display == "6.3%")  // 6.25 → 6.3
        #expect(Rate(1, of: 3).display == "33.3%")
        #expect(Rate(2, of: 3).display == "66.7%")
        #expect(Rate(0, of: 4).display == "0.0%")
        #expect(Rate(0, of: 0).display == "—")
        #expect(Rate(5, of: 5).display == "100.0%")
    }

    @Test("days parse strictly and count exactly")
    func days() throws {
        let d = try #require(Day(iso: "2026-03-18"))
        #expect(d.adding(days: 7).description == "2026-03-25")
        #expect(d.adding(days: 14).description == "2026-04-01")
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-3-18") == nil)
        #expect(Day(iso: "2026-03-18 ") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(try #require(Day(iso: "2026-03-25")).days(to: try #require(Day(iso: "2026-03-31"))) == 6)
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "2000-03-01")?.description == "2000-03-01")
    }

    @Test("months know their first and last day")
    func months() throws {
        let feb = try #require(YearMonth(iso: "2024-02"))
        #expect(feb.lastDay.description == "2024-02-29")
        #expect(try #require(YearMonth(iso: "2026-12")).next.description == "2027-01")
        #expect(try #require(YearMonth(iso: "2026-01")).previous.description == "2025-12")
        #expect(YearMonth(iso: "2026-00") == nil)
    }

    @Test("month and day arithmetic is total: the ends of the calendar never stop the program")
    func totalArithmetic() throws {
        let last = try #require(YearMonth(iso: "9999-12")), first = try #require(YearMonth(iso: "0001-01"))
        #expect(last.next.description == "10000-01")
        #expect(last.next.previous == last)
        #expect(first.previous.description == "0000-12")
        #expect(first.previous.next == first)
        #expect(last.next.firstDay.description == "10000-01-01")
        #expect(last.next.lastDay.yearMonth == last.next)
        #expect(Policy.standard.returnDue(for: last).description == "10000-01-05")
        #expect(Policy.standard.returnDue(for: try #require(YearMonth(iso: "2026-01"))).description == "2026-02-05")
        let day = try #require(Day(iso: "9999-12-31"))
        #expect(day.adding(days: 1).description == "10000-01-01")
        #expect(day.adding(days: Int.max).ordinal == Int32.max)
        #expect(day.adding(days: Int.min).ordinal == Int32.min)
        #expect(Day(ordinal: .min).days(to: Day(ordinal: .max)) == Int(Int32.max) - Int(Int32.min))
        _ = Day(ordinal: .max).yearMonth.next.lastDay.description
        _ = Day(ordinal: .min).yearMonth.previous.firstDay.description
        // Months stepped one by one reach a far end without trapping or looping.
        var m = try #require(YearMonth(iso: "9999-01")), steps = 0
        while m < last.next.next {
            m = m.next
            steps += 1
        }
        #expect(steps == 13)
    }

    @Test(
        "a county code is six ASCII digits, nothing else",
        arguments: [
            ("990201", true), ("99020", false), ("9902011", false), ("99O201", false), ("９９０２０１", false), ("99020a", false), ("", false),
            (" 990201", false),
        ])
    func countyCodes(_ text: String, _ valid: Bool) {
        #expect((CountyCode(text) != nil) == valid)
        #expect(CountyCode("990100")?.isCityLevel == true && CountyCode("990201")?.isCityLevel == false)
    }

    @Test("a window lies within one year and defaults from = to")
    func windows() throws {
        let march = try #require(YearMonth(iso: "2026-03"))
        let w = try Window(to: march)
        #expect(w.from == march)
        #expect(w.contains(Day(iso: "2026-03-31")!))
        #expect(!w.contains(Day(iso: "2026-04-01")!))
        #expect(throws: Window.Problem.self) { try Window(from: YearMonth(iso: "2025-12"), to: march) }
        #expect(throws: Window.Problem.self) { try Window(from: YearMonth(iso: "2026-04"), to: march) }
        #expect(Window.yearToDate(march).from.description == "2026-01")
    }

    @Test("codes are read from code or label")
    func codes() {
        #expect(InstitutionCategory(codeOrLabel: "民营医院") == .privateHospital)
        #expect(InspectionMethod(codeOrLabel: "self") == .selfInspection)
        #expect(CaseSource(codeOrLabel: "上级移交") == .referral)
        #expect(CaseSource(codeOrLabel: "双随机抽查") == .method(.random))
        #expect(Violation(codeOrLabel: "盗刷社保卡") == .cardMisuse)
        #expect(AgreementAction(codeOrLabel: "约谈") == .interview)
        #expect(AgreementStatus(codeOrLabel: "closed") == nil)
        #expect(AgreementAction.allCases.first == .interview && AgreementAction.allCases.last == .physicianPoints)
    }

    @Test("the reporter never prints")
    func confidential() {
        let secret = Confidential("张某某,电话13800000000")
        #expect("\(secret)" == "[confidential]")
        #expect(String(reflecting: secret) == "[confidential]")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("张某某"))
        #expect(secret.revealedForStorage == "张某某,电话13800000000")
    }
}
