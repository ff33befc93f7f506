import FundWatchCore

/// What a county's latest return says that the results need: its 双随机 inspections and
/// the cases that came from them (never a reporter or a case text).
public struct DrawRegisters: Sendable {
    public struct CaseSummary: Sendable, Hashable {
        public var caseID: String
        public var institutionCode: String
        public var openedOn: Day
        public var closedOn: Day?
        public var actions: [AgreementAction]
        public var amountInvolved: Money

        public init(caseID: String, institutionCode: String, openedOn: Day, closedOn: Day?, actions: [AgreementAction], amountInvolved: Money) {
            self.caseID = caseID
            self.institutionCode = institutionCode
            self.openedOn = openedOn
            self.closedOn = closedOn
            self.actions = actions
            self.amountInvolved = amountInvolved
        }
    }

    public var countyCode: String
    public var countyName: String
    public var institutionNames: [String: String]
    /// Inspections by the 双随机抽查 method.
    public var inspections: [Inspection]
    /// Cases whose source is 双随机抽查.
    public var cases: [CaseSummary]

    public init(countyCode: String, countyName: String, institutionNames: [String: String], inspections: [Inspection], cases: [CaseSummary]) {
        self.countyCode = countyCode
        self.countyName = countyName
        self.institutionNames = institutionNames
        self.inspections = inspections.filter { $0.method == .random }
        self.cases = cases
    }

    /// The parts of `submission` the results use.
    public init(_ submission: Submission) {
        countyCode = submission.header.countyCode
        countyName = submission.header.countyName
        institutionNames = Dictionary(submission.institutions.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        inspections = submission.inspections.filter { $0.method == .random }
        cases = submission.cases.filter { $0.source == .method(.random) }.map {
            CaseSummary(
                caseID: $0.caseID, institutionCode: $0.institutionCode, openedOn: $0.openedOn, closedOn: $0.closedOn,
                actions: $0.actions, amountInvolved: $0.amountInvolved)
        }
    }
}

/// How a drawn target stands.
public enum DrawResultStatus: String, Sendable {
    /// Inspected within the window.
    case inspected
    /// Not yet inspected; the window is still open.
    case pending
    /// Not inspected and the window is over: flagged.
    case overdue

    public var label: String {
        switch self {
        case .inspected: "已检查"
        case .pending: "待检查"
        case .overdue: "逾期未检查"
        }
    }
}

/// One drawn target's result.
public struct DrawResult: Sendable {
    public var lot: DrawLot
    public var status: DrawResultStatus
    public var inspectedOn: Day?
    public var problemsFound: Bool
    public var cases: [DrawRegisters.CaseSummary]

    /// The result is final, ready to publish: inspected, and no problem found or every case
    /// opened from the inspection closed.
    public var isFinal: Bool { status == .inspected && cases.allSatisfy { $0.closedOn != nil } && (!problemsFound || !cases.isEmpty) }

    /// What the 公示 list says was found and done.
    public var outcome: String {
        guard status == .inspected else { return status.label }
        if !problemsFound && cases.isEmpty { return "未发现问题" }
        if cases.isEmpty { return "发现问题,待立案处理" }
        return cases.map { c in
            let actions = c.actions.map(\.label).joined(separator: "、")
            return "案件 \(c.caseID)" + (actions.isEmpty ? "" : ":" + actions) + (c.closedOn == nil ? "(办理中)" : "(已办结)")
        }.joined(separator: ";")
    }
}

/// A 双随机 inspection of an institution the plan never drew: a sign the target was chosen by hand.
public struct UndrawnInspection: Sendable, Hashable {
    public var countyCode: String
    public var institutionCode: String
    public var institutionName: String
    public var inspectedOn: Day
}

/// A plan's results as of a day.
public struct DrawResults: Sendable {
    public var parameters: DrawParameters
    public var inputsDigest: String
    public var asOf: Day
    public var results: [DrawResult]
    public var undrawn: [UndrawnInspection]

    /// Per county: targets drawn, inspected, and with a final (publishable) result.
    public var counties: [(code: String, name: String, drawn: Int, inspected: Int, final: Int)] {
        var order: [String] = [], rows: [String: (String, Int, Int, Int)] = [:]
        for r in results {
            let code = r.lot.target.countyCode
            if rows[code] == nil {
                order.append(code)
                rows[code] = (r.lot.target.countyName, 0, 0, 0)
            }
            rows[code]!.1 += 1
            if r.status == .inspected { rows[code]!.2 += 1 }
            if r.isFinal { rows[code]!.3 += 1 }
        }
        return order.map { ($0, rows[$0]!.0, rows[$0]!.1, rows[$0]!.2, rows[$0]!.3) }
    }

    /// Matches each lot of `plan` with the counties' registers as of `asOf`: inspections by
    /// 双随机抽查 of the target within the plan's window (up to `asOf`), and cases from the
    /// same source opened in the window.
    public static func match(_ plan: DrawPlan, registers: [DrawRegisters], asOf: Day) -> DrawResults {
        let window = plan.parameters.window
        let until = min(window.to, asOf)
        let byCounty = Dictionary(registers.map { ($0.countyCode, $0) }, uniquingKeysWith: { a, _ in a })
        let drawnCodes = Set(plan.lots.map(\.target.code))
        var results: [DrawResult] = []
        for lot in plan.lots {
            let county = byCounty[lot.target.countyCode]
            let visits = (county?.inspections ?? []).filter {
                $0.institutionCode == lot.target.code && $0.inspectedOn >= window.from && $0.inspectedOn <= until
            }.sorted { $0.inspectedOn < $1.inspectedOn }
            let cases = (county?.cases ?? []).filter {
                $0.institutionCode == lot.target.code && $0.openedOn >= window.from && $0.openedOn <= until
            }.sorted { $0.caseID < $1.caseID }
            let status: DrawResultStatus = visits.isEmpty ? (asOf >= window.to ? .overdue : .pending) : .inspected
            results.append(
                DrawResult(
                    lot: lot, status: status, inspectedOn: visits.first?.inspectedOn,
                    problemsFound: visits.contains { $0.problemsFound } || !cases.isEmpty, cases: visits.isEmpty ? [] : cases))
        }
        var undrawn: [UndrawnInspection] = []
        for county in registers.sorted(by: { $0.countyCode < $1.countyCode }) {
            var seen = Set<String>()
            for visit in county.inspections.sorted(by: { ($0.institutionCode, $0.inspectedOn) < ($1.institutionCode, $1.inspectedOn) })
            where visit.inspectedOn >= window.from && visit.inspectedOn <= until && !drawnCodes.contains(visit.institutionCode)
                && seen.insert(visit.institutionCode).inserted
            {
                undrawn.append(
                    UndrawnInspection(
                        countyCode: county.countyCode, institutionCode: visit.institutionCode,
                        institutionName: county.institutionNames[visit.institutionCode] ?? "", inspectedOn: visit.inspectedOn))
            }
        }
        return DrawResults(parameters: plan.parameters, inputsDigest: plan.digests.inputs, asOf: asOf, results: results, undrawn: undrawn)
    }
}
