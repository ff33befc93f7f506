import FundWatchCore

/// Applies every rule of FORMAT.md to raw rows, whatever encoding they came from, and
/// builds the `Submission` when no rule was broken.
///
/// Rows may arrive in any order of registers; checks that need the header or the whole
/// institutions register (period ranges, references) run in ``finish()``.
public struct SubmissionBuilder {
    /// Findings so far; readers add their own (structure, encoding) here too.
    public var collector: FindingCollector
    private var header: SubmissionHeader?
    private var headerRow: RawRow?
    private var institutions: [Institution] = []
    private var institutionCodes: Set<String> = []
    private var inspections: [Inspection] = []
    private var cases: [CaseRecord] = []
    private var caseIDs: Set<String> = []
    private var tipoffs: [Tipoff] = []
    private var tipoffIDs: Set<String> = []
    /// Case ids tip-offs name, checked against the cases register in ``finish()``.
    private var caseReferences: [(caseID: String, at: FindingLocation)] = []
    /// Checks deferred to `finish`: a value and where it stands.
    private var references: [(code: String, register: Register, at: FindingLocation)] = []
    private var inspectionDates: [(day: Day, at: FieldPlace)] = []
    private var caseDates: [(register: Register, field: String, day: Day, at: FieldPlace)] = []

    public init(collector: FindingCollector = FindingCollector()) {
        self.collector = collector
    }

    /// Validates one row of a register (institutions, inspections or cases).
    public mutating func add(_ row: RawRow) {
        switch row.register {
        case .institutions: addInstitution(row)
        case .inspections: addInspection(row)
        case .cases: addCase(row)
        case .tipoffs: addTipoff(row)
        case .header: addHeader(row)
        }
    }

    // MARK: Header

    /// Validates the header.
    public mutating func addHeader(_ row: RawRow) {
        headerRow = row
        let code = row.required(HeaderField.countyCode.rawValue, into: &collector)
        if let code, CountyCode(code) == nil {
            collector.add(.countyCode, at: row.location(of: HeaderField.countyCode.rawValue), detail: "「\(code)」", detailEN: "'\(code)'")
        }
        let name = row.required(HeaderField.countyName.rawValue, into: &collector)
        var period: YearMonth?
        if let text = row.required(HeaderField.period.rawValue, into: &collector) {
            period = YearMonth(iso: text)
            if period == nil { collector.add(.period, at: row.location(of: HeaderField.period.rawValue), detail: "「\(text)」", detailEN: "'\(text)'") }
        }
        let preparedBy = row.required(HeaderField.preparedBy.rawValue, into: &collector)
        let submittedOn = row.day(HeaderField.submittedOn.rawValue, required: true, into: &collector)
        if let submittedOn, let period, submittedOn < period.firstDay {
            collector.add(
                .submittedBeforePeriod, at: row.location(of: HeaderField.submittedOn.rawValue),
                detail: "\(submittedOn) < \(period.firstDay)", detailEN: "\(submittedOn) < \(period.firstDay)")
        }
        if let code, let name, let period, let preparedBy, let submittedOn {
            header = SubmissionHeader(countyCode: code, countyName: name, period: period, preparedBy: preparedBy, submittedOn: submittedOn)
        }
    }

    // MARK: Institutions

    /// Validates one row of `institutions`.
    public mutating func addInstitution(_ row: RawRow) {
        let codeIndex = InstitutionField.code.rawValue
        let code = row.required(codeIndex, into: &collector)
        if let code {
            if !Self.isInstitutionCode(code) {
                collector.add(.institutionCode, at: row.location(of: codeIndex), detail: "「\(code)」", detailEN: "'\(code)'")
            } else if !institutionCodes.insert(code).inserted {
                collector.add(.institutionCodeUnique, at: row.location(of: codeIndex), detail: code, detailEN: code)
            }
        }
        let name = row.required(InstitutionField.name.rawValue, into: &collector)
        let category: InstitutionCategory? = row.code(InstitutionField.category.rawValue, required: true, into: &collector)
        let status: AgreementStatus? = row.code(InstitutionField.agreementStatus.rawValue, required: true, into: &collector)
        if let code, let name, let category, let status {
            institutions.append(Institution(code: code, name: name, category: category, agreementStatus: status))
        }
    }

    static func isInstitutionCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        return bytes.count == 12 && (bytes[0] == UInt8(ascii: "H") || bytes[0] == UInt8(ascii: "P"))
            && bytes[1...].allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    // MARK: Inspections

    /// Validates one row of `inspections`.
    public mutating func addInspection(_ row: RawRow) {
        let codeIndex = InspectionField.institutionCode.rawValue
        let code = row.required(codeIndex, into: &collector)
        if let code, !institutionCodes.contains(code) { references.append((code, .inspections, row.location(of: codeIndex))) }
        let dayIndex = InspectionField.inspectedOn.rawValue
        let day = row.day(dayIndex, required: true, into: &collector)
        if let day {
            if let header {
                checkInspection(day, header: header, at: row.location(of: dayIndex))
            } else {
                inspectionDates.append((day, row.place(of: dayIndex)))
            }
        }
        let method: InspectionMethod? = row.code(InspectionField.method.rawValue, required: true, into: &collector)
        let problems = row.boolean(InspectionField.problemsFound.rawValue, into: &collector)
        if let code, let day, let method, let problems {
            inspections.append(Inspection(institutionCode: code, inspectedOn: day, method: method, problemsFound: problems))
        }
    }

    // MARK: Cases

    /// Validates one row of `cases`.
    public mutating func addCase(_ row: RawRow) {
        let errorsBefore = collector.errorCount
        let idIndex = CaseField.caseID.rawValue
        let caseID = row.required(idIndex, into: &collector)
        if let caseID {
            if caseID.count > 32 {
                collector.add(.caseIDLength, at: row.location(of: idIndex), detail: "\(caseID.count) 个字符", detailEN: "\(caseID.count) characters")
            } else if !caseIDs.insert(caseID).inserted {
                collector.add(.caseIDUnique, at: row.location(of: idIndex), detail: caseID, detailEN: caseID)
            }
        }
        // The subject: an institution (the default) has its code, in the register; anyone else none.
        let subject: SubjectType? = row.code(CaseField.subjectType.rawValue, required: false, into: &collector)
        let isInstitution = (subject ?? .institution) == .institution
        let codeIndex = CaseField.institutionCode.rawValue
        let institutionCode = isInstitution ? row.required(codeIndex, into: &collector) : row.text(codeIndex)
        if !isInstitution, let institutionCode {
            collector.add(
                .unexpected(.cases, "institution_code", because: "被查处对象不是定点医药机构", "the subject is not an institution"),
                at: row.location(of: codeIndex), detail: institutionCode, detailEN: institutionCode)
        } else if let institutionCode, !institutionCodes.contains(institutionCode) {
            references.append((institutionCode, .cases, row.location(of: codeIndex)))
        }
        // A physician's case: the physician's number and the points (医保医师记分).
        let physicianIndex = CaseField.physicianID.rawValue, pointsIndex = CaseField.points.rawValue
        let physicianID = subject == .physician ? row.required(physicianIndex, into: &collector) : row.text(physicianIndex)
        var points: Int?
        if let text = row.text(pointsIndex) {
            points = Int(text).flatMap { CaseRecord.allowedPoints.contains($0) ? $0 : nil }
            if points == nil { collector.add(.pointsFormat, at: row.location(of: pointsIndex), detail: "「\(text)」", detailEN: "'\(text)'") }
        }
        if subject != .physician {
            let why = ("被查处对象不是医保医师", "the subject is not a physician")
            if let physicianID {
                collector.add(
                    .unexpected(.cases, "physician_id", because: why.0, why.1), at: row.location(of: physicianIndex), detail: physicianID,
                    detailEN: physicianID)
            }
            if row.text(pointsIndex) != nil {
                collector.add(.unexpected(.cases, "points", because: why.0, why.1), at: row.location(of: pointsIndex))
            }
        }

        let openedOn = row.day(CaseField.openedOn.rawValue, required: true, into: &collector)
        let closedOn = row.laterDay(.closedOn, openedOn: openedOn, into: &collector)
        if let openedOn { checkPeriodDate(CaseField.openedOn.rawValue, openedOn, in: row) }
        if let closedOn { checkPeriodDate(CaseField.closedOn.rawValue, closedOn, in: row) }
        let source = row.source(into: &collector)
        let violations: [Violation] = row.codes(CaseField.violations.rawValue, required: true, rule: .violationsUnknown, into: &collector)
        let actions: [AgreementAction] = row.codes(CaseField.actions.rawValue, required: false, rule: .actionsUnknown, into: &collector)
        let suspensionMonths = row.suspensionMonths(suspends: actions.contains(.suspend), into: &collector)

        let amountInvolved = row.money(CaseField.amountInvolved.rawValue, into: &collector)
        let amountRefused = row.money(CaseField.amountRefused.rawValue, into: &collector)
        let amountRecovered = row.money(CaseField.amountRecovered.rawValue, into: &collector)
        var record = CaseRecord(
            caseID: caseID ?? "", institutionCode: institutionCode ?? "",
            openedOn: openedOn ?? Day(ordinal: 0), source: source ?? .referral, violations: violations)
        record.subjectType = subject ?? .institution
        record.physicianID = physicianID
        record.points = points
        record.closedOn = closedOn
        record.amountInvolved = amountInvolved
        record.amountRefused = amountRefused
        record.amountRecovered = amountRecovered
        if record.amountsExceedInvolved {
            collector.add(
                .amountsExceedInvolved, at: row.location,
                detail: "\(amountRefused.yuanString) + \(amountRecovered.yuanString) > \(amountInvolved.yuanString)",
                detailEN: "\(amountRefused.yuanString) + \(amountRecovered.yuanString) > \(amountInvolved.yuanString)")
        }
        record.damages = row.money(CaseField.damages.rawValue, into: &collector)
        record.fine = row.money(CaseField.fine.rawValue, into: &collector)
        record.voluntaryRefund = row.money(CaseField.voluntaryRefund.rawValue, into: &collector)
        record.actions = actions
        record.suspensionMonths = suspensionMonths
        record.policeTransferOn = row.laterDay(.policeTransferOn, openedOn: openedOn, into: &collector)
        record.disciplineTransferOn = row.laterDay(.disciplineTransferOn, openedOn: openedOn, into: &collector)
        record.exposedOn = row.laterDay(.exposedOn, openedOn: openedOn, into: &collector)
        record.publicAttention = row.boolean(CaseField.publicAttention.rawValue, into: &collector) ?? false
        record.noticeSubmittedOn = row.day(CaseField.noticeSubmittedOn.rawValue, required: false, into: &collector)
        record.reporter = Confidential(row.text(CaseField.reporter.rawValue) ?? "")
        record.rewardPaid = row.money(CaseField.rewardPaid.rawValue, into: &collector)
        record.discovery = row.text(CaseField.discovery.rawValue) ?? ""
        record.facts = row.text(CaseField.facts.rawValue) ?? ""
        record.outcome = row.text(CaseField.outcome.rawValue) ?? ""
        record.basis = row.text(CaseField.basis.rawValue) ?? ""
        if collector.errorCount == errorsBefore { cases.append(record) }
    }

    // MARK: Tip-offs

    /// Validates one row of `tipoffs` (举报线索台账).
    public mutating func addTipoff(_ row: RawRow) {
        let errorsBefore = collector.errorCount
        let idIndex = TipoffField.tipoffID.rawValue
        let tipoffID = row.required(idIndex, into: &collector)
        if let tipoffID {
            if tipoffID.count > 32 {
                collector.add(
                    .tipoffIDLength, at: row.location(of: idIndex), detail: "\(tipoffID.count) 个字符", detailEN: "\(tipoffID.count) characters")
            } else if !tipoffIDs.insert(tipoffID).inserted {
                collector.add(.tipoffIDUnique, at: row.location(of: idIndex), detail: tipoffID, detailEN: tipoffID)
            }
        }
        let receivedOn = row.day(TipoffField.receivedOn.rawValue, required: true, into: &collector)
        let channel: TipoffChannel? = row.code(TipoffField.channel.rawValue, required: true, into: &collector)
        let realName = row.boolean(TipoffField.realName.rawValue, into: &collector)
        let subject: SubjectType? = row.code(TipoffField.subjectType.rawValue, required: true, into: &collector)

        // The institution: exactly when the subject is one, and in the register.
        let codeIndex = TipoffField.institutionCode.rawValue
        let institutionCode = row.text(codeIndex)
        if subject == .institution, institutionCode == nil {
            collector.add(
                .required(.tipoffs, "institution_code"), at: row.location(of: codeIndex), detail: "被举报对象为定点医药机构",
                detailEN: "the subject is an institution")
        } else if let subject, subject != .institution, let institutionCode {
            collector.add(
                .unexpected(.tipoffs, "institution_code", because: "被举报对象不是定点医药机构", "the subject is not an institution"),
                at: row.location(of: codeIndex),
                detail: institutionCode, detailEN: institutionCode)
        } else if let institutionCode, !institutionCodes.contains(institutionCode) {
            references.append((institutionCode, .tipoffs, row.location(of: codeIndex)))
        }

        // The decision: its date and its kind together, not before receipt.
        let decidedOn = row.day(TipoffField.decidedOn.rawValue, notBefore: TipoffField.receivedOn.rawValue, receivedOn, into: &collector)
        let decision: TipoffDecision? = row.code(TipoffField.decision.rawValue, required: false, into: &collector)
        if decidedOn != nil, decision == nil, row.text(TipoffField.decision.rawValue) == nil {
            collector.add(
                .required(.tipoffs, "decision"), at: row.location(of: TipoffField.decision.rawValue), detail: "已填立案决定日期",
                detailEN: "decided_on is set")
        }
        if decision != nil, decidedOn == nil, row.text(TipoffField.decidedOn.rawValue) == nil {
            collector.add(
                .required(.tipoffs, "decided_on"), at: row.location(of: TipoffField.decidedOn.rawValue), detail: "已填是否立案", detailEN: "decision is set"
            )
        }
        let informedOn = row.day(TipoffField.informedOn.rawValue, notBefore: TipoffField.decidedOn.rawValue, decidedOn, into: &collector)
        if informedOn != nil, row.text(TipoffField.decidedOn.rawValue) == nil {
            collector.add(
                .unexpected(.tipoffs, "informed_on", because: "尚未作出是否立案决定", "there is no decision yet"),
                at: row.location(of: TipoffField.informedOn.rawValue))
        }

        // The close, the finding and the case: a filed tip-off only.
        let closedOn = row.day(TipoffField.closedOn.rawValue, notBefore: TipoffField.decidedOn.rawValue, decidedOn, into: &collector)
        let substantiated = row.boolean(TipoffField.substantiated.rawValue, into: &collector) ?? false
        let caseIndex = TipoffField.caseID.rawValue
        let caseID = row.text(caseIndex)
        let notFiled = decision != .file
        if notFiled {
            let why = ("未立案(是否立案不是「立案」)", "the tip-off was not filed")
            if closedOn != nil {
                collector.add(.unexpected(.tipoffs, "closed_on", because: why.0, why.1), at: row.location(of: TipoffField.closedOn.rawValue))
            }
            if substantiated {
                collector.add(.unexpected(.tipoffs, "substantiated", because: why.0, why.1), at: row.location(of: TipoffField.substantiated.rawValue))
            }
            if let caseID {
                collector.add(
                    .unexpected(.tipoffs, "case_id", because: why.0, why.1), at: row.location(of: caseIndex), detail: caseID, detailEN: caseID)
            }
        } else if let caseID, !caseIDs.contains(caseID) {
            caseReferences.append((caseID, row.location(of: caseIndex)))
        }
        if substantiated, closedOn == nil, !notFiled {
            collector.add(
                .unexpected(.tipoffs, "substantiated", because: "尚未办结", "the tip-off is not closed"),
                at: row.location(of: TipoffField.substantiated.rawValue))
        }
        let feedbackOn = row.day(TipoffField.feedbackOn.rawValue, notBefore: TipoffField.closedOn.rawValue, closedOn, into: &collector)
        if feedbackOn != nil, row.text(TipoffField.closedOn.rawValue) == nil {
            collector.add(
                .unexpected(.tipoffs, "feedback_on", because: "尚未办结", "the tip-off is not closed"),
                at: row.location(of: TipoffField.feedbackOn.rawValue))
        }
        let rewardPaid = row.money(TipoffField.rewardPaid.rawValue, into: &collector)
        let rewardPaidOn = row.day(TipoffField.rewardPaidOn.rawValue, notBefore: TipoffField.receivedOn.rawValue, receivedOn, into: &collector)
        if rewardPaidOn != nil, rewardPaid == .zero {
            collector.add(
                .unexpected(.tipoffs, "reward_paid_on", because: "举报奖励为 0", "reward_paid is 0"),
                at: row.location(of: TipoffField.rewardPaidOn.rawValue))
        }
        for (index, day) in [
            (TipoffField.receivedOn, receivedOn), (.decidedOn, decidedOn), (.informedOn, informedOn), (.closedOn, closedOn),
            (.feedbackOn, feedbackOn),
            (.rewardPaidOn, rewardPaidOn),
        ] {
            if let day { checkPeriodDate(index.rawValue, day, in: row) }
        }
        guard collector.errorCount == errorsBefore, let tipoffID, let receivedOn, let channel, let realName, let subject else { return }
        var tipoff = Tipoff(tipoffID: tipoffID, receivedOn: receivedOn, channel: channel, realName: realName, subjectType: subject)
        tipoff.institutionCode = institutionCode
        tipoff.decidedOn = decidedOn
        tipoff.decision = decision
        tipoff.informedOn = informedOn
        tipoff.closedOn = closedOn
        tipoff.substantiated = substantiated
        tipoff.caseID = caseID
        tipoff.feedbackOn = feedbackOn
        tipoff.rewardPaid = rewardPaid
        tipoff.rewardPaidOn = rewardPaidOn
        tipoff.reporter = Confidential(row.text(TipoffField.reporter.rawValue) ?? "")
        tipoffs.append(tipoff)
    }

    // MARK: Checks against the header

    // Made at once when the header is known (the locations only for a finding), else in
    // ``finish()``: rows may come before the header.

    /// `inspected_on` must fall in the period's year, on or before its last day.
    private mutating func checkInspection(_ day: Day, header: SubmissionHeader, at location: @autoclosure () -> FindingLocation) {
        let yearStart = header.period.january.firstDay, periodEnd = header.period.lastDay
        if day < yearStart {
            collector.add(
                .inspectedOutsideYear, at: location(), detail: "\(day)", detailEN: "\(day)",
                expected: "\(yearStart) 至 \(periodEnd) 之间的日期 (a date from \(yearStart) to \(periodEnd))")
        } else if day > periodEnd {
            collector.add(
                .notAfterPeriod(.inspections, "inspected_on"), at: location(), detail: "\(day) > \(periodEnd)", detailEN: "\(day) > \(periodEnd)",
                expected: "\(yearStart) 至 \(periodEnd) 之间的日期 (a date from \(yearStart) to \(periodEnd))")
        }
    }

    /// Checks a date of a case or tip-off (field `index` of the row's register) now when the
    /// header is known, else in ``finish()``.
    private mutating func checkPeriodDate(_ index: Int, _ day: Day, in row: RawRow) {
        let field = row.register.fieldNames[index]
        if let header {
            checkPeriodDate(row.register, field, day, header: header, at: row.location(of: index))
        } else {
            caseDates.append((row.register, field, day, row.place(of: index)))
        }
    }

    /// A date of a case or tip-off may not fall after the period's last day.
    private mutating func checkPeriodDate(
        _ register: Register, _ field: String, _ day: Day, header: SubmissionHeader, at location: @autoclosure () -> FindingLocation
    ) {
        let periodEnd = header.period.lastDay
        guard day > periodEnd else { return }
        collector.add(
            .notAfterPeriod(register, field), at: location(), detail: "\(day) > \(periodEnd)", detailEN: "\(day) > \(periodEnd)",
            expected: "不晚于 \(periodEnd) 的日期 (a date on or before \(periodEnd))")
    }

    // MARK: Finish

    /// Runs the checks that need the whole submission and returns it, or nil if any error was found.
    public mutating func finish() -> Submission? {
        if let header {
            for (day, at) in inspectionDates { checkInspection(day, header: header, at: at.location) }
            for (register, field, day, at) in caseDates { checkPeriodDate(register, field, day, header: header, at: at.location) }
        }
        for (code, register, at) in references where !institutionCodes.contains(code) {
            collector.add(.reference(register), at: at, detail: code, detailEN: code)
        }
        for (caseID, at) in caseReferences where !caseIDs.contains(caseID) {
            collector.add(.tipoffCaseReference, at: at, detail: caseID, detailEN: caseID)
        }
        guard let header, !collector.hasErrors else { return nil }
        return Submission(header: header, institutions: institutions, inspections: inspections, cases: cases, tipoffs: tipoffs)
    }
}
