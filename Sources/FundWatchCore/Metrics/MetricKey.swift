/// The name of a metric of METRICS.md, in the order the metrics table lists them.
public enum MetricKey: String, CaseIterable, Sendable {
    case designated
    case inspected
    case coverageRate = "coverage_rate"
    case randomSampled = "random_sampled"
    case randomRate = "random_rate"
    case selfInspected = "self_inspected"
    case handledInstitutions = "handled_institutions"
    case handledCases = "handled_cases"
    case closedCases = "closed_cases"
    case amountInvolved = "amount_involved"
    case refusedRecovered = "refused_recovered"
    case damagesFines = "damages_fines"
    case voluntaryRefund = "voluntary_refund"
    case suspensions
    case terminations
    case policeTransfers = "police_transfers"
    case disciplineTransfers = "discipline_transfers"
    case exposures
    case rewards

    /// The metric's name as METRICS.md and the JSON output spell it.
    public var name: String { rawValue }

    /// The Chinese column heading, without unit.
    public var label: String {
        switch self {
        case .designated: "定点医药机构数"
        case .inspected: "已检查机构数"
        case .coverageRate: "检查覆盖率"
        case .randomSampled: "双随机抽查机构数"
        case .randomRate: "抽查比例"
        case .selfInspected: "自查自纠机构数"
        case .handledInstitutions: "查处机构数"
        case .handledCases: "查处家次"
        case .closedCases: "办结案件数"
        case .amountInvolved: "涉及金额"
        case .refusedRecovered: "拒付及追回金额"
        case .damagesFines: "违约金及罚款"
        case .voluntaryRefund: "主动退回金额"
        case .suspensions: "暂停协议"
        case .terminations: "解除协议"
        case .policeTransfers: "移送公安"
        case .disciplineTransfers: "移送纪检监察"
        case .exposures: "曝光案例"
        case .rewards: "举报奖励"
        }
    }

    /// The unit shown in a heading: `家`, `件`, `万元` or `%`.
    public var unit: String {
        switch self {
        case .coverageRate, .randomRate: "%"
        case .amountInvolved, .refusedRecovered, .damagesFines, .voluntaryRefund, .rewards: "万元"
        case .handledCases: "家次"
        case .closedCases, .policeTransfers, .disciplineTransfers, .exposures: "件"
        default: "家"
        }
    }

    /// This metric's value in `metrics`.
    public func value(in metrics: Metrics) -> MetricValue {
        switch self {
        case .designated: .count(metrics.designated)
        case .inspected: .count(metrics.inspected)
        case .coverageRate: .rate(metrics.coverageRate)
        case .randomSampled: .count(metrics.randomSampled)
        case .randomRate: .rate(metrics.randomRate)
        case .selfInspected: .count(metrics.selfInspected)
        case .handledInstitutions: .count(metrics.handledInstitutions)
        case .handledCases: .count(metrics.handledCases)
        case .closedCases: .count(metrics.closedCases)
        case .amountInvolved: .money(metrics.amountInvolved)
        case .refusedRecovered: .money(metrics.refusedRecovered)
        case .damagesFines: .money(metrics.damagesFines)
        case .voluntaryRefund: .money(metrics.voluntaryRefund)
        case .suspensions: .count(metrics.suspensions)
        case .terminations: .count(metrics.terminations)
        case .policeTransfers: .count(metrics.policeTransfers)
        case .disciplineTransfers: .count(metrics.disciplineTransfers)
        case .exposures: .count(metrics.exposures)
        case .rewards: .money(metrics.rewards)
        }
    }
}

/// A metric's value: a count, exact money or a rate.
public enum MetricValue: Hashable, Sendable {
    case count(Int)
    case money(Money)
    case rate(Rate)

    /// How a report shows it: counts as digits, money in 万元 with two decimals, rates as `75.0%` or `—`.
    public var display: String {
        switch self {
        case .count(let n): String(n)
        case .money(let m): m.wanString
        case .rate(let r): r.display
        }
    }
}
