/// Why a case is major (重大案件): any of these makes it one.
public enum MajorReason: String, Sendable, CaseIterable {
    /// Transferred to the police (移送公安).
    case police
    /// Transferred to discipline inspection and supervision (移送纪检监察): the work plan
    /// asks that transferred leads be reported as major cases (及时将移送问题线索作为欺诈骗保要情上报).
    case discipline
    /// May draw public attention (可能引起舆论关注).
    case publicAttention = "public_attention"
    /// `amount_involved` at or above the threshold.
    case amount

    public var label: String {
        switch self {
        case .police: "移送公安"
        case .discipline: "移送纪检监察"
        case .publicAttention: "舆论关注"
        case .amount: "金额重大"
        }
    }
}

/// Where a major-case notice (要情报告) stands as of a date.
public enum NoticeStatus: String, Sendable, CaseIterable {
    /// No trigger yet: neither closed nor transferred to the police or to discipline inspection.
    case pending
    /// Not sent; the due date has not passed.
    case due
    /// Not sent; the due date has passed.
    case overdue
    /// Sent on or before the due date.
    case onTime = "on_time"
    /// Sent after the due date.
    case late

    public var label: String {
        switch self {
        case .pending: "待触发"
        case .due: "待报送"
        case .overdue: "已逾期"
        case .onTime: "按时报送"
        case .late: "逾期报送"
        }
    }
}

/// The notice obligation of one major case, evaluated as of a date.
public struct MajorCaseNotice: Sendable, Hashable {
    public var countyCode: String
    public var countyName: String
    public var caseID: String
    public var institutionCode: String
    public var institutionName: String
    public var reasons: [MajorReason]
    public var openedOn: Day
    public var closedOn: Day?
    public var policeTransferOn: Day?
    public var disciplineTransferOn: Day?
    public var amountInvolved: Money
    /// The earliest of `police_transfer_on`, `discipline_transfer_on` and `closed_on`; nil while pending.
    public var trigger: Day?
    /// `trigger` + the notice days.
    public var due: Day?
    /// `notice_submitted_on`.
    public var sent: Day?
    public var status: NoticeStatus
    /// Days until due (`due` only).
    public var daysLeft: Int?
    /// Days past due (`overdue`), or days late (`late`).
    public var daysOver: Int?

    /// Why the case is major, or empty when it is not.
    public static func reasons(for record: CaseRecord, policy: Policy) -> [MajorReason] {
        var reasons: [MajorReason] = []
        if record.policeTransferOn != nil { reasons.append(.police) }
        if record.disciplineTransferOn != nil { reasons.append(.discipline) }
        if record.publicAttention { reasons.append(.publicAttention) }
        if record.amountInvolved >= policy.majorAmountThreshold { reasons.append(.amount) }
        return reasons
    }

    /// When a major case's notice falls due from: the earliest of its transfer to the police,
    /// its transfer to discipline inspection and its closing; nil while none has happened.
    public static func trigger(of record: CaseRecord) -> Day? {
        [record.policeTransferOn, record.disciplineTransferOn, record.closedOn].compactMap { $0 }.min()
    }

    /// The notice of `record` as of `asOf`, or nil when the case is not major.
    public init?(record: CaseRecord, countyCode: String, countyName: String, institutionName: String, policy: Policy, asOf: Day) {
        let reasons = Self.reasons(for: record, policy: policy)
        guard !reasons.isEmpty else { return nil }
        self.countyCode = countyCode
        self.countyName = countyName
        self.caseID = record.caseID
        self.institutionCode = record.institutionCode
        self.institutionName = institutionName
        self.reasons = reasons
        self.openedOn = record.openedOn
        self.closedOn = record.closedOn
        self.policeTransferOn = record.policeTransferOn
        self.disciplineTransferOn = record.disciplineTransferOn
        self.amountInvolved = record.amountInvolved
        self.sent = record.noticeSubmittedOn
        self.trigger = Self.trigger(of: record)
        self.due = trigger?.adding(days: policy.noticeDays)
        switch (due, sent) {
        case (nil, _):
            status = .pending
        case let (due?, sent?):
            status = sent <= due ? .onTime : .late
            if sent > due { daysOver = due.days(to: sent) }
        case let (due?, nil):
            if asOf <= due {
                status = .due
                daysLeft = asOf.days(to: due)
            } else {
                status = .overdue
                daysOver = due.days(to: asOf)
            }
        }
    }

    /// Every major case of a submission, as of `asOf`.
    public static func all(in submission: Submission, policy: Policy, asOf: Day) -> [MajorCaseNotice] {
        // Few cases are major: their institutions are looked up one by one, no index is built.
        var notices: [MajorCaseNotice] = []
        for index in submission.cases.indices where !reasons(for: submission.cases[index], policy: policy).isEmpty {
            let code = submission.cases[index].institutionCode
            let name = submission.institutions.first { $0.code == code }?.name ?? ""
            if let notice = MajorCaseNotice(
                record: submission.cases[index], countyCode: submission.header.countyCode,
                countyName: submission.header.countyName, institutionName: name, policy: policy, asOf: asOf)
            {
                notices.append(notice)
            }
        }
        return notices
    }

    /// Most urgent first: overdue (most days over first), then due (soonest first), then
    /// pending, late, on time; ties by county and case number.
    public static func byUrgency(_ a: MajorCaseNotice, _ b: MajorCaseNotice) -> Bool {
        func rank(_ n: MajorCaseNotice) -> (Int, Int) {
            switch n.status {
            case .overdue: (0, -(n.daysOver ?? 0))
            case .due: (1, n.daysLeft ?? 0)
            case .pending: (2, 0)
            case .late: (3, 0)
            case .onTime: (4, 0)
            }
        }
        let ra = rank(a), rb = rank(b)
        if ra != rb { return ra < rb }
        return (a.countyCode, a.caseID) < (b.countyCode, b.caseID)
    }
}
