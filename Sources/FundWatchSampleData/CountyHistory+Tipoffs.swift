import FundWatchCore

extension CountyHistory {
    static let channels: [(TipoffChannel, Int)] = [(.hotline, 45), (.online, 25), (.letter, 10), (.visit, 10), (.referral, 5), (.media, 5)]

    /// The county's tip-offs over `months` (举报线索台账), drawn from `random` — a stream of
    /// its own, so the other registers are those of a city without tip-offs. Every case
    /// found through a tip-off (`source` tipoff) has its tip-off, filed on the day the case
    /// was opened; a few more a month are rejected, transferred, filed against insured
    /// persons or physicians, or not yet decided. Deadlines are sometimes missed.
    mutating func addTipoffs(months: [YearMonth], random: inout SeededRandom) {
        let first = months.first!.firstDay
        var number = 0
        func nextID(_ day: Day) -> String {
            number += 1
            return "JB-\(day.year)-" + zeroPadded(number, 3)
        }
        func reporter(_ realName: Bool) -> Confidential {
            realName ? Confidential("\(random.element(Self.reporterNames)),电话137\(random.int(10_000_000...99_999_999))") : Confidential("")
        }
        var tipoffs: [Tipoff] = []
        for fact in cases where fact.record.source == .method(.tipoff) {
            let c = fact.record
            let received = c.openedOn.adding(days: -random.int(3...15))
            guard received >= first else { continue }
            let realName = random.chance(0.7)
            var t = Tipoff(
                tipoffID: nextID(received), receivedOn: received, channel: random.pick(Self.channels), realName: realName,
                subjectType: .institution)
            t.institutionCode = c.institutionCode
            t.decidedOn = c.openedOn
            t.decision = .file
            t.caseID = c.caseID
            if realName { t.informedOn = c.openedOn.adding(days: random.pick([(random.int(1...6), 85), (random.int(8...14), 15)])) }
            if let closed = c.closedOn {
                t.closedOn = closed
                t.substantiated = true
                if realName { t.feedbackOn = closed.adding(days: random.pick([(random.int(2...18), 80), (random.int(25...40), 20)])) }
                if c.rewardPaid.fen > 0 {
                    t.rewardPaid = c.rewardPaid
                    t.rewardPaidOn = closed.adding(days: random.int(5...20))
                }
            }
            t.reporter = reporter(realName)
            tipoffs.append(t)
        }
        for month in months {
            for _ in 0..<random.int(1...3) {
                let received = Day(year: month.year, month: month.month, day: random.int(1...month.lastDay.day))!
                let realName = random.chance(0.6)
                let subject = random.pick([(SubjectType.institution, 45), (.insured, 35), (.physician, 10), (.agency, 5), (.other, 5)])
                var t = Tipoff(
                    tipoffID: nextID(received), receivedOn: received, channel: random.pick(Self.channels), realName: realName, subjectType: subject)
                if subject == .institution { t.institutionCode = institutions[random.int(0...(institutions.count - 1))].institution.code }
                // Most decided within the 15 working days, some late, a few still open at the end of the year.
                let decided = received.adding(days: random.pick([(random.int(2...20), 80), (random.int(23...40), 15), (10_000, 5)]))
                t.decidedOn = decided
                t.decision = random.pick([(TipoffDecision.reject, 50), (.transfer, 25), (.file, subject == .institution ? 0 : 25)])
                if realName { t.informedOn = decided.adding(days: random.pick([(random.int(1...6), 85), (random.int(8...14), 15)])) }
                if t.decision == .file {
                    // Filed against an insured person, a physician, an agency or another.
                    let closed = decided.adding(days: random.int(20...100))
                    t.closedOn = closed
                    t.substantiated = random.chance(0.5)
                    if t.substantiated && (subject == .insured || subject == .physician) {
                        // A case of its own in the cases register, against the person.
                        t.caseID = addPersonCase(subject, opened: decided, closed: closed, number: number, random: &random)
                    }
                    if realName { t.feedbackOn = closed.adding(days: random.int(2...25)) }
                    if t.substantiated && random.chance(0.5) {
                        t.rewardPaid = Money(fen: Int64(random.int(2...10)) * 10_000)
                        t.rewardPaidOn = closed.adding(days: random.int(5...20))
                    }
                }
                t.reporter = reporter(realName)
                tipoffs.append(t)
            }
        }
        self.tipoffs = tipoffs.sorted { ($0.receivedOn, $0.tipoffID) < ($1.receivedOn, $1.tipoffID) }
    }

    /// A case against an insured person (card misuse, impersonation, resale: the money
    /// recovered) or a physician (points, 医保医师记分), found through a tip-off; its id.
    private mutating func addPersonCase(_ subject: SubjectType, opened: Day, closed: Day, number: Int, random: inout SeededRandom) -> String {
        let id = "\(opened.year)-JB" + zeroPadded(number, 3)
        let fen = Int64(random.int(500...20_000)) * 100
        let violations: [Violation] =
            subject == .insured
            ? [random.element([.cardMisuse, .impersonation, .drugResale])] : [random.element([.unnecessaryCare, .overStandard, .forgedDocuments])]
        var record = CaseRecord(
            caseID: id, institutionCode: "", openedOn: opened, source: .method(.tipoff), violations: violations, amountInvolved: Money(fen: fen))
        record.subjectType = subject
        record.closedOn = closed
        record.amountRecovered = Money(fen: fen)
        if subject == .physician {
            record.physicianID = "D" + code + zeroPadded(random.int(1...999), 4)
            record.points = random.element(CaseRecord.allowedPoints.prefix(4).map { $0 })
            record.actions = [.physicianPoints]
        }
        record.discovery = "举报线索核查中发现"
        record.facts = violations.map(\.label).joined(separator: "、") + ",涉及金额\(record.amountInvolved.yuanString)元"
        record.outcome = subject == .insured ? "追回医保基金" : "医保医师记分 \(record.points ?? 0) 分"
        record.basis = "《医疗保障基金使用监督管理条例》"
        cases.append(CaseFact(record: record, actionsOn: closed))
        return id
    }

    /// The tip-off register as it stands at the end of `month`: the year's tip-offs and
    /// earlier ones not finished by the year's start, each step only once it happened.
    func tipoffSnapshot(_ month: YearMonth) -> [Tipoff] {
        let end = month.lastDay, yearStart = month.january.firstDay
        return tipoffs.compactMap { full -> Tipoff? in
            guard full.receivedOn <= end else { return nil }
            func known(_ d: Day?) -> Day? { d.flatMap { $0 <= end ? $0 : nil } }
            var t = full
            t.decidedOn = known(full.decidedOn)
            t.decision = t.decidedOn == nil ? nil : full.decision
            t.informedOn = t.decidedOn == nil ? nil : known(full.informedOn)
            t.closedOn = t.decision == .file ? known(full.closedOn) : nil
            t.substantiated = t.closedOn != nil && full.substantiated
            t.caseID = t.decision == .file ? full.caseID : nil
            t.feedbackOn = t.closedOn == nil ? nil : known(full.feedbackOn)
            t.rewardPaidOn = known(full.rewardPaidOn)
            t.rewardPaid = t.rewardPaidOn == nil ? .zero : full.rewardPaid
            if t.receivedOn < yearStart {
                // Finished last year: not in this year's register.
                // (A filed one closed last year goes with its case, which the cases register drops.)
                let finished =
                    (t.decision == .reject || t.decision == .transfer) && (t.decidedOn ?? end) < yearStart || (t.closedOn ?? end) < yearStart
                if finished { return nil }
            }
            return t
        }
    }
}
