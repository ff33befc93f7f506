/// The campaign metrics of METRICS.md for one county (or a sum of counties) over a window.
///
/// Counts and money are sums; the two rates are always recomputed from the sums.
public struct Metrics: Hashable, Sendable {
    /// 定点医药机构数: institutions active or suspended.
    public var designated = 0
    /// 已检查机构数: distinct designated institutions inspected in the window, `self` excluded.
    public var inspected = 0
    /// 双随机抽查机构数.
    public var randomSampled = 0
    /// 自查自纠机构数.
    public var selfInspected = 0
    /// 查处机构数(家): distinct institutions with a case opened in the window.
    public var handledInstitutions = 0
    /// 查处家次: cases opened in the window.
    public var handledCases = 0
    /// 办结案件数: cases opened in the window and closed.
    public var closedCases = 0
    /// 涉及金额.
    public var amountInvolved = Money.zero
    /// 拒付及追回金额.
    public var refusedRecovered = Money.zero
    /// 违约金及罚款.
    public var damagesFines = Money.zero
    /// 主动退回金额.
    public var voluntaryRefund = Money.zero
    /// 暂停协议(家).
    public var suspensions = 0
    /// 解除协议(家).
    public var terminations = 0
    /// 移送公安(件): cases transferred to the police in the window.
    public var policeTransfers = 0
    /// 移送纪检监察(件).
    public var disciplineTransfers = 0
    /// 曝光案例(件).
    public var exposures = 0
    /// 举报奖励.
    public var rewards = Money.zero

    public init() {}

    /// 检查覆盖率 = inspected ÷ designated.
    public var coverageRate: Rate { Rate(inspected, of: designated) }
    /// 抽查比例 = random_sampled ÷ designated.
    public var randomRate: Rate { Rate(randomSampled, of: designated) }

    /// Adds another unit's counts and money (counties never share institutions).
    public static func + (lhs: Metrics, rhs: Metrics) -> Metrics {
        var sum = lhs
        sum += rhs
        return sum
    }

    public static func += (lhs: inout Metrics, rhs: Metrics) {
        lhs.designated += rhs.designated
        lhs.inspected += rhs.inspected
        lhs.randomSampled += rhs.randomSampled
        lhs.selfInspected += rhs.selfInspected
        lhs.handledInstitutions += rhs.handledInstitutions
        lhs.handledCases += rhs.handledCases
        lhs.closedCases += rhs.closedCases
        lhs.amountInvolved += rhs.amountInvolved
        lhs.refusedRecovered += rhs.refusedRecovered
        lhs.damagesFines += rhs.damagesFines
        lhs.voluntaryRefund += rhs.voluntaryRefund
        lhs.suspensions += rhs.suspensions
        lhs.terminations += rhs.terminations
        lhs.policeTransfers += rhs.policeTransfers
        lhs.disciplineTransfers += rhs.disciplineTransfers
        lhs.exposures += rhs.exposures
        lhs.rewards += rhs.rewards
    }

    /// Sums many units.
    public static func sum(_ parts: some Sequence<Metrics>) -> Metrics {
        parts.reduce(into: Metrics()) { $0 += $1 }
    }
}
