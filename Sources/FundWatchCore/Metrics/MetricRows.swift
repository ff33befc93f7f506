/// The register rows behind one figure of one county (the portal's drill-down): the
/// institutions a count counts, or the cases an amount adds up, chosen by exactly the rules
/// of ``Metrics/grouped(_:windows:by:)``, so the rows always add up to the figure.
public struct MetricRows: Sendable, Hashable {
    public var institutions: [Institution] = []
    /// For counts of inspected institutions: the inspections that make each one count.
    public var inspections: [Inspection] = []
    public var cases: [CaseRecord] = []

    public init() {}

    /// The rows of `submission` behind `metric` over `window`. A rate's rows are those of
    /// its numerator (the inspected, or the randomly sampled, institutions).
    public init(_ metric: MetricKey, in submission: Submission, window: Window) {
        self.init()
        var firstOfCode: [String: Institution] = [:]
        var order: [String] = []
        for i in submission.institutions where firstOfCode[i.code] == nil {
            firstOfCode[i.code] = i
            order.append(i.code)
        }
        func designated(_ code: String) -> Bool { firstOfCode[code]?.agreementStatus.isDesignated ?? false }
        func listed(_ codes: Set<String>) -> [Institution] { order.filter(codes.contains).compactMap { firstOfCode[$0] } }
        let opened = submission.cases.filter { firstOfCode[$0.institutionCode] != nil && window.contains($0.openedOn) }

        switch metric {
        case .designated:
            institutions = order.filter(designated).compactMap { firstOfCode[$0] }
        case .inspected, .coverageRate, .randomSampled, .randomRate, .selfInspected:
            let matching: (InspectionMethod) -> Bool =
                switch metric {
                case .selfInspected: { $0 == .selfInspection }
                case .randomSampled, .randomRate: { $0 == .random }
                default: { $0 != .selfInspection }
                }
            inspections = submission.inspections.filter { designated($0.institutionCode) && window.contains($0.inspectedOn) && matching($0.method) }
            institutions = listed(Set(inspections.map(\.institutionCode)))
        case .handledInstitutions:
            cases = opened
            institutions = listed(Set(opened.map(\.institutionCode)))
        case .suspensions, .terminations:
            let action: AgreementAction = metric == .suspensions ? .suspend : .terminate
            cases = opened.filter { $0.actions.contains(action) }
            institutions = listed(Set(cases.map(\.institutionCode)))
        case .handledCases, .amountInvolved, .refusedRecovered, .damagesFines, .voluntaryRefund:
            cases = opened
        case .closedCases:
            cases = opened.filter { $0.closedOn != nil }
        case .rewards:
            cases = opened.filter { $0.rewardPaid != .zero }
        case .policeTransfers, .disciplineTransfers, .exposures:
            let day: (CaseRecord) -> Day? =
                switch metric {
                case .policeTransfers: \.policeTransferOn
                case .disciplineTransfers: \.disciplineTransferOn
                default: \.exposedOn
                }
            cases = submission.cases.filter { firstOfCode[$0.institutionCode] != nil && window.contains(day($0)) }
        }
    }
}
