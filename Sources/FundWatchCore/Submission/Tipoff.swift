/// One tip-off (举报线索) of the county's tip-off register (举报线索台账): from its receipt
/// to the decision whether to open a case, the case's close and the reporter's feedback.
public struct Tipoff: Sendable, Hashable {
    /// The county's own number, unique in a submission.
    public var tipoffID: String
    /// 受理日期.
    public var receivedOn: Day
    public var channel: TipoffChannel
    /// 实名举报: the reporter is told of the decision and of the outcome.
    public var realName: Bool
    public var subjectType: SubjectType
    /// The institution reported, exactly when `subjectType` is an institution.
    public var institutionCode: String?
    /// 是否立案决定 date; nil until decided.
    public var decidedOn: Day?
    /// Set exactly when `decidedOn` is.
    public var decision: TipoffDecision?
    /// 告知实名举报人 date.
    public var informedOn: Day?
    /// 办结 date of a filed tip-off.
    public var closedOn: Day?
    /// 查实: meaningful once closed.
    public var substantiated: Bool
    /// The case opened on it, in the cases register.
    public var caseID: String?
    /// 反馈举报人 date.
    public var feedbackOn: Day?
    /// 举报奖励.
    public var rewardPaid: Money
    public var rewardPaidOn: Day?
    /// 举报人: sealed at rest, never shown.
    public var reporter: Confidential

    public init(tipoffID: String, receivedOn: Day, channel: TipoffChannel, realName: Bool, subjectType: SubjectType) {
        self.tipoffID = tipoffID
        self.receivedOn = receivedOn
        self.channel = channel
        self.realName = realName
        self.subjectType = subjectType
        substantiated = false
        rewardPaid = .zero
        reporter = Confidential("")
    }
}
