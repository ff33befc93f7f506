import FundWatchCore
import Testing

@Suite("Major-case notices and return timeliness")
struct NoticeTests {
    static func day(_ s: String) -> Day { Day(iso: s)! }

    static func record(
        amount: Int64 = 1_000_00, closed: String? = nil, police: String? = nil, discipline: String? = nil, attention: Bool = false,
        sent: String? = nil
    ) -> CaseRecord {
        var r = CaseRecord(
            caseID: "C-1", institutionCode: "H00000000001", openedOn: day("2026-03-01"), source: .method(.routine),
            violations: [.other], amountInvolved: Money(fen: amount))
        r.closedOn = closed.map(day)
        r.policeTransferOn = police.map(day)
        r.disciplineTransferOn = discipline.map(day)
        r.publicAttention = attention
        r.noticeSubmittedOn = sent.map(day)
        r.reporter = Confidential("举报人张三")
        return r
    }

    static func notice(_ r: CaseRecord, asOf: String, policy: Policy = .standard) -> MajorCaseNotice? {
        MajorCaseNotice(record: r, countyCode: "990101", countyName: "示例区", institutionName: "医院", policy: policy, asOf: day(asOf))
    }

    @Test("a case below the threshold, without police or attention, is not major")
    func notMajor() {
        #expect(Self.notice(Self.record(amount: 9_999_999, closed: "2026-03-10"), asOf: "2026-03-31") == nil)
    }

    @Test("major by amount alone: exactly the threshold counts")
    func byAmount() throws {
        let n = try #require(Self.notice(Self.record(amount: 10_000_000, closed: "2026-03-10"), asOf: "2026-03-31"))
        #expect(n.reasons == [.amount])
        #expect(n.trigger == Self.day("2026-03-10"))
        #expect(n.due == Self.day("2026-03-17"))
        #expect(n.status == .overdue)
        #expect(n.daysOver == 14)
    }

    @Test("a transfer to discipline inspection makes a case major; its notice falls due notice_days after the transfer")
    func byDisciplineTransfer() throws {
        let n = try #require(Self.notice(Self.record(discipline: "2026-03-12"), asOf: "2026-03-31"))
        #expect(n.reasons == [.discipline] && n.reasons[0].label == "移送纪检监察")
        #expect(n.trigger == Self.day("2026-03-12") && n.due == Self.day("2026-03-19"))
        #expect(n.status == .overdue && n.daysOver == 12)
        var policy = Policy.standard
        policy.noticeDays = 30
        #expect(Self.notice(Self.record(discipline: "2026-03-12"), asOf: "2026-03-31", policy: policy)?.daysLeft == 11)
        // The earliest of the transfers and the closing starts the clock.
        let both = try #require(
            Self.notice(Self.record(closed: "2026-03-20", police: "2026-03-15", discipline: "2026-03-10", sent: "2026-03-17"), asOf: "2026-03-31"))
        #expect(both.reasons == [.police, .discipline] && both.trigger == Self.day("2026-03-10") && both.status == .onTime)
        #expect(MajorCaseNotice.trigger(of: Self.record(closed: "2026-03-20", discipline: "2026-03-25")) == Self.day("2026-03-20"))
    }

    @Test("sent on the due day is on time; one day later is late")
    func boundaries() throws {
        let onDue = try #require(Self.notice(Self.record(police: "2026-03-18", sent: "2026-03-25"), asOf: "2026-03-31"))
        #expect(onDue.status == .onTime)
        #expect(onDue.daysOver == nil)
        let dayAfter = try #require(Self.notice(Self.record(police: "2026-03-18", sent: "2026-03-26"), asOf: "2026-03-31"))
        #expect(dayAfter.status == .late)
        #expect(dayAfter.daysOver == 1)
    }

    @Test("not sent: due up to and including the due day, overdue the day after")
    func dueAndOverdue() throws {
        let r = Self.record(police: "2026-03-18")
        let onDueDay = try #require(Self.notice(r, asOf: "2026-03-25"))
        #expect(onDueDay.status == .due)
        #expect(onDueDay.daysLeft == 0)
        let before = try #require(Self.notice(r, asOf: "2026-03-20"))
        #expect(before.daysLeft == 5)
        let after = try #require(Self.notice(r, asOf: "2026-03-26"))
        #expect(after.status == .overdue)
        #expect(after.daysOver == 1)
    }

    @Test("with both a police date and a closing date, the earlier is the trigger")
    func earlierTrigger() throws {
        let policeFirst = try #require(Self.notice(Self.record(closed: "2026-03-20", police: "2026-03-12"), asOf: "2026-03-31"))
        #expect(policeFirst.trigger == Self.day("2026-03-12"))
        #expect(policeFirst.due == Self.day("2026-03-19"))
        let closedFirst = try #require(Self.notice(Self.record(closed: "2026-03-05", police: "2026-03-12"), asOf: "2026-03-31"))
        #expect(closedFirst.trigger == Self.day("2026-03-05"))
    }

    @Test("public attention without a trigger is pending")
    func pending() throws {
        let n = try #require(Self.notice(Self.record(attention: true), asOf: "2026-03-31"))
        #expect(n.reasons == [.publicAttention])
        #expect(n.status == .pending)
        #expect(n.trigger == nil && n.due == nil && n.daysLeft == nil && n.daysOver == nil)
    }

    @Test("the notice days and threshold are configurable")
    func configured() throws {
        var policy = Policy()
        policy.noticeDays = 10
        policy.majorAmountThreshold = Money(fen: 5_000_000)
        let n = try #require(Self.notice(Self.record(amount: 6_000_000, closed: "2026-03-10"), asOf: "2026-03-20", policy: policy))
        #expect(n.due == Self.day("2026-03-20"))
        #expect(n.status == .due)
    }

    @Test("most urgent first: overdue by most days, then due soonest, pending, late, on time")
    func urgency() throws {
        let list = [
            Self.notice(Self.record(police: "2026-03-01", sent: "2026-03-02"), asOf: "2026-03-31")!,  // on time
            Self.notice(Self.record(attention: true), asOf: "2026-03-31")!,  // pending
            Self.notice(Self.record(police: "2026-03-28"), asOf: "2026-03-31")!,  // due in 4
            Self.notice(Self.record(police: "2026-03-02"), asOf: "2026-03-31")!,  // overdue 22
            Self.notice(Self.record(police: "2026-03-26"), asOf: "2026-03-31")!,  // due in 2
            Self.notice(Self.record(police: "2026-03-20"), asOf: "2026-03-31")!,  // overdue 4
            Self.notice(Self.record(police: "2026-03-01", sent: "2026-03-20"), asOf: "2026-03-31")!,  // late
        ].sorted(by: MajorCaseNotice.byUrgency)
        #expect(list.map(\.status) == [.overdue, .overdue, .due, .due, .pending, .late, .onTime])
        #expect(list.map { $0.daysOver ?? $0.daysLeft ?? -1 } == [22, 4, 2, 4, -1, 12, -1])
    }

    @Test("a return sent on the due day is on time, the day after is late; nothing sent is missing only after the due day")
    func timeliness() {
        let march = YearMonth(year: 2026, month: 3)!
        let p = Policy.standard
        #expect(p.returnDue(for: march) == Self.day("2026-04-05"))
        #expect(Timeliness(firstSubmittedOn: Self.day("2026-04-05"), month: march, policy: p, asOf: Self.day("2026-04-30")) == .onTime)
        #expect(Timeliness(firstSubmittedOn: Self.day("2026-04-06"), month: march, policy: p, asOf: Self.day("2026-04-30")) == .late(days: 1))
        #expect(Timeliness(firstSubmittedOn: nil, month: march, policy: p, asOf: Self.day("2026-04-05")) == .notYetDue)
        #expect(Timeliness(firstSubmittedOn: nil, month: march, policy: p, asOf: Self.day("2026-04-06")) == .missing)
        #expect(Policy.standard.returnDue(for: YearMonth(year: 2026, month: 12)!) == Self.day("2027-01-05"))
    }
}

@Suite("Configuration file")
struct ConfigurationTests {
    @Test("documented keys set the policy")
    func keys() throws {
        let text = """
            # FundWatch
            [notices]
            major_amount_threshold = 50000.00   # yuan
            notice_days = 5

            [returns]
            due_day = 10
            """
        let c = try Settings(try ConfigFile(text: text, file: "fw.conf"))
        #expect(c.policy.majorAmountThreshold == Money(fen: 5_000_000))
        #expect(c.policy.noticeDays == 5)
        #expect(c.policy.returnDueDay == 10)
        #expect(c.policy.returnDue(for: YearMonth(year: 2026, month: 3)!) == Day(iso: "2026-04-10"))
    }

    @Test(
        "errors name the line",
        arguments: [
            ("[notices]\nnotice_dayz = 5", 2, "unknown key"),
            ("[notice]\nnotice_days = 5", 2, "not a FundWatch section"),
            ("[notices]\nnotice_days = 0", 2, "whole number from 1"),
            ("[notices]\nmajor_amount_threshold = 1e5", 2, "number or"),
            ("\n[returns]\ndue_day = 5\ndue_day = 6", 4, "set twice"),
            ("[returns]\ndue_day 5", 2, "key = value"),
        ])
    func errors(text: String, line: Int, message: String) {
        #expect {
            try Settings(try ConfigFile(text: text, file: "fw.conf"))
        } throws: { error in
            guard let p = error as? ConfigFile.Problem else { return false }
            return p.line == line && p.message.contains(message) && p.description.hasPrefix("fw.conf:\(line):")
        }
    }
}
