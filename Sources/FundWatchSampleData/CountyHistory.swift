import FundWatchCore

/// Everything that happens in one fictional county over the sample months; monthly
/// snapshots are cut from it, as a county's registers would stand at each month end.
struct CountyHistory {
    struct InstitutionFact {
        var institution: Institution
        var suspendedOn: Day?
        var terminatedOn: Day?
    }

    struct CaseFact {
        var record: CaseRecord  // as it stands once everything has happened
        var actionsOn: Day  // when the actions and amounts are decided
    }

    let code: String
    let name: String
    var institutions: [InstitutionFact] = []
    var inspections: [Inspection] = []
    var cases: [CaseFact] = []
    /// Every tip-off with all its steps (``addTipoffs(months:random:)``); none unless added.
    var tipoffs: [Tipoff] = []

    static let reporterNames = ["群众甲", "参保人乙", "知情人丙", "职工丁"]

    /// Simulates `months` of supervision in a county with `size` institutions; about
    /// `visitsPerHundred` inspections a month per hundred institutions.
    init(
        code: String, name: String, size: Int, months: [YearMonth], visitsPerHundred: Int = 10, mix: SampleMix = .standard,
        random: inout SeededRandom
    ) {
        self.code = code
        self.name = name
        let first = months.first!.firstDay, last = months.last!.lastDay
        let span = first.days(to: last)

        for i in 1...size {
            let category = random.pick([(InstitutionCategory.publicHospital, 8), (.privateHospital, 15), (.primaryCare, 40), (.pharmacy, 37)])
            let prefix = category == .pharmacy ? "P" : "H"
            let code = prefix + self.code + zeroPadded(i, 5)
            institutions.append(
                InstitutionFact(
                    institution: Institution(
                        code: code, name: Self.institutionName(category, county: name, index: i, random: &random),
                        category: category, agreementStatus: .active)))
        }

        // Inspections: about one in ten designated institutions a month, by method.
        var caseNumbers: [Int: Int] = [:]
        for month in months {
            let visits = max(2, size * visitsPerHundred / 100 + random.int(-2...3))
            for _ in 0..<visits {
                let target = random.int(0...(size - 1))
                let day = Day(year: month.year, month: month.month, day: random.int(1...month.lastDay.day))!
                let method = random.pick([
                    (InspectionMethod.routine, 40), (.special, 15), (.flight, 3), (.cross, 5), (.random, 9),
                    (.smart, 10), (.tipoff, 4), (.selfInspection, 14),
                ])
                let problems = random.chance(0.3)
                inspections.append(
                    Inspection(
                        institutionCode: institutions[target].institution.code, inspectedOn: day,
                        method: method, problemsFound: problems))
                if problems && random.chance(mix.caseShare) {
                    let opened = day.adding(days: random.int(0...8))
                    guard opened <= last else { continue }
                    let year = opened.year
                    caseNumbers[year, default: 0] += 1
                    let caseID = "\(year)-" + zeroPadded(caseNumbers[year]!, 3)
                    addCase(id: caseID, target: target, opened: opened, source: .method(method), last: last, span: span, mix: mix, random: &random)
                }
            }
        }
        inspections.sort { ($0.inspectedOn, $0.institutionCode) < ($1.inspectedOn, $1.institutionCode) }
        // Warnings on purpose: the first cases recover more than they involve.
        var warned = 0
        for i in cases.indices where warned < mix.warningsPerFile && cases[i].record.source != .method(.selfInspection) {
            cases[i].record.amountRecovered = Money(fen: cases[i].record.amountInvolved.fen - cases[i].record.amountRefused.fen + 10_000)
            warned += 1
        }
    }

    private mutating func addCase(
        id: String, target: Int, opened: Day, source: CaseSource, last: Day, span: Int, mix: SampleMix,
        random: inout SeededRandom
    ) {
        let institution = institutions[target].institution
        let violationPool: [Violation] =
            institution.category == .pharmacy
            ? [.cardMisuse, .nonMedicalGoods, .drugResale, .overStandard, .other]
            : [
                .splitBilling, .overStandard, .duplicateBilling, .itemSwap, .bundledBilling, .beyondScope, .unnecessaryCare,
                .phantomBed, .inducedAdmission, .fictitiousService, .forgedDocuments, .impersonation,
            ]
        var violations = [random.element(violationPool)]
        if random.chance(0.35) {
            let second = random.element(violationPool)
            if second != violations[0] { violations.append(second) }
        }
        let severe = random.chance(mix.majorShare)
        let fen = severe ? Int64(random.int(100_000...650_000)) * 100 : Int64(random.int(300...60_000)) * 100 + Int64(random.int(0...99))
        var record = CaseRecord(
            caseID: id, institutionCode: institution.code, openedOn: opened, source: source, violations: violations,
            amountInvolved: Money(fen: fen))
        let closing = opened.adding(days: random.int(3...50))
        record.closedOn = closing <= last ? closing : nil
        var actionsOn = closing
        if source == .method(.selfInspection) {
            record.voluntaryRefund = record.amountInvolved
            record.actions = random.chance(0.5) ? [.interview] : []
        } else {
            let refused = Money(fen: fen * Int64(random.int(0...60)) / 100)
            record.amountRefused = refused
            record.amountRecovered = Money(fen: (fen - refused.fen) * Int64(random.int(40...100)) / 100)
            record.damages = Money(fen: fen * Int64(random.int(0...2)) / 10 / 100 * 100)
            if random.chance(0.03) {
                // Recovery that includes later findings: more than first involved (a warning, not an error).
                record.amountRecovered = Money(fen: fen - refused.fen + Int64(random.int(1...50)) * 10_000)
            }
            record.actions = [.interview, .rectify, .refuse, .damages].filter { _ in random.chance(0.55) }
            if record.actions.isEmpty { record.actions = [.rectify] }
            if severe || random.chance(0.04) {
                record.actions.append(.suspend)
                record.suspensionMonths = random.int(1...6)
                let police = opened.adding(days: random.int(2...20))
                if police <= last && (severe || random.chance(0.3)) {
                    record.policeTransferOn = police
                    actionsOn = police
                    record.closedOn = nil
                }
            }
            if random.chance(0.02) { record.actions.append(.terminate) }
            if random.chance(0.05) {
                record.fine = Money(fen: Int64(random.int(1...10)) * 1_000_000)
                record.actions.append(.adminPenalty)
            }
        }
        record.publicAttention = random.chance(0.02)
        if let closed = record.closedOn, random.chance(0.35) {
            let exposed = closed.adding(days: random.int(1...10))
            if exposed <= last { record.exposedOn = exposed }
        }
        if random.chance(0.01), let closed = record.closedOn { record.disciplineTransferOn = closed }
        if source == .method(.tipoff) {
            record.reporter = Confidential("\(random.element(Self.reporterNames)),电话139\(random.int(10_000_000...99_999_999))")
            if record.closedOn != nil { record.rewardPaid = Money(fen: Int64(random.int(2...20)) * 10_000) }
        }
        let reasons = MajorCaseNotice.reasons(for: record, policy: .standard)
        if !reasons.isEmpty, let trigger = MajorCaseNotice.trigger(of: record) {
            // Most counties report within the week; some late, a few not at all.
            let delay = random.pick([(random.int(1...7), 70), (random.int(8...20), 20), (10_000, 10)])
            let sent = trigger.adding(days: delay)
            if sent <= last { record.noticeSubmittedOn = sent }
        }
        record.discovery = mix.padded("\(source.label)中发现")
        record.facts = mix.padded(violations.map(\.label).joined(separator: "、") + ",涉及金额\(record.amountInvolved.yuanString)元")
        record.outcome = mix.padded(record.actions.map(\.label).joined(separator: "、"))
        record.basis = mix.padded("《医疗保障基金使用监督管理条例》及定点服务协议")
        if record.actions.contains(.suspend) {
            institutions[target].suspendedOn = actionsOn
        }
        if record.actions.contains(.terminate), let closed = record.closedOn {
            institutions[target].terminatedOn = closed
        }
        cases.append(CaseFact(record: record, actionsOn: actionsOn))
    }

    static func institutionName(_ category: InstitutionCategory, county: String, index: Int, random: inout SeededRandom) -> String {
        let place = ["城关", "东街", "西门", "南桥", "北坝", "新华", "人民路", "滨河", "光明", "和平"][index % 10]
        switch category {
        case .publicHospital:
            return index % 3 == 0 ? "\(county)人民医院" + (index > 3 ? "\(place)院区" : "") : "\(county)\(["中医医院", "妇幼保健院", "第二人民医院"][index % 3])\(place)分院"
        case .privateHospital: return "\(place)\(["康复医院", "骨科医院", "眼科医院", "口腔医院"][index % 4])"
        case .primaryCare: return "\(place)\(["社区卫生服务中心", "镇卫生院", "村卫生室"][index % 3])(\(index)号)"
        case .pharmacy:
            // One in twenty has a comma or quotes in its name, as real registers do.
            if index % 20 == 7 { return "康宁药店, \(place)" }
            if index % 20 == 13 { return "\"百姓\"大药房(\(place)店)" }
            return "\(["百姓", "益民", "仁和", "同济"][index % 4])大药房(\(place)\(index)店)"
        }
    }

    /// The registers as they stand at the end of `month`.
    func snapshot(_ month: YearMonth, preparedBy: String, submittedOn: Day) -> Submission {
        let end = month.lastDay, yearStart = month.january.firstDay
        let institutions = self.institutions.map { fact -> Institution in
            var i = fact.institution
            if let t = fact.terminatedOn, t <= end {
                i.agreementStatus = .terminated
            } else if let s = fact.suspendedOn, s <= end {
                i.agreementStatus = .suspended
            }
            return i
        }
        let inspections = self.inspections.filter { $0.inspectedOn >= yearStart && $0.inspectedOn <= end }
        let cases = self.cases.compactMap { fact -> CaseRecord? in
            let full = fact.record
            guard full.openedOn <= end else { return nil }
            if full.openedOn < yearStart, let closed = full.closedOn, closed < yearStart { return nil }
            var r = full
            func known(_ d: Day?) -> Day? { d.flatMap { $0 <= end ? $0 : nil } }
            r.closedOn = known(full.closedOn)
            r.policeTransferOn = known(full.policeTransferOn)
            r.disciplineTransferOn = known(full.disciplineTransferOn)
            r.exposedOn = known(full.exposedOn)
            r.noticeSubmittedOn = known(full.noticeSubmittedOn)
            if fact.actionsOn > end {
                // Still under investigation: no decision, no money back yet.
                r.actions = []
                r.suspensionMonths = nil
                r.amountRefused = .zero
                r.amountRecovered = .zero
                r.damages = .zero
                r.fine = .zero
                r.voluntaryRefund = .zero
                r.rewardPaid = .zero
                r.outcome = ""
            }
            if r.closedOn == nil { r.rewardPaid = .zero }
            return r
        }
        return Submission(
            header: SubmissionHeader(countyCode: code, countyName: name, period: month, preparedBy: preparedBy, submittedOn: submittedOn),
            institutions: institutions, inspections: inspections, cases: cases, tipoffs: tipoffSnapshot(month))
    }
}

/// `n` with leading zeros to `width` digits.
func zeroPadded(_ n: Int, _ width: Int) -> String {
    let digits = "\(n)"
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
