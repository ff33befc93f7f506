import FundWatchCore

/// The 双随机 draw: a deterministic function of the seed and the inputs (docs/DRAW.md).
///
/// 1. Strata: the targets by county, institution category and (with a risk file) risk
///    class, in that order; each stratum's institutions sorted by code.
/// 2. Each stratum draws `ceil(ratio% × size)` with its own stream (label
///    `stratum|KEY`): from the institutions not drawn in the previous `excludeMonths`
///    months first, then, if those are too few, from the excluded ones.
/// 3. Lots in county and code order; each gets two qualified inspectors (stream
///    `inspectors|CODE`): never of the target's county under cross-county inspection,
///    never two of one unit, never one over the load cap `ceil(2 × lots ÷ qualified) + 1`;
///    among those allowed, one of the least loaded, uniformly.
/// 4. Each lot's items: every item of its category or of all categories, by id.
public enum Draw {
    /// Why a draw cannot be made; each says what is missing.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case noTargets(String)
        case duplicateInspector(String)
        case duplicateTarget(String)
        case badParameter(String)
        /// A target no two inspectors can staff under the rules.
        case tooFewInspectors(target: String, county: String, detail: String)

        /// What a planner reads: in Chinese, then in English.
        public var description: String {
            switch self {
            case .noTargets(let d): "没有可抽取的定点医药机构 / no institutions to draw from: \(d)"
            case .duplicateInspector(let id): "检查人员 \(id) 在名录中出现两次 / inspector \(id) is listed twice"
            case .duplicateTarget(let code): "机构 \(code) 出现在两个县区的报表中 / institution \(code) appears in two counties' returns"
            case .badParameter(let d): d
            case .tooFewInspectors(let target, let county, let detail):
                "检查人员不足,无法按规则为 \(target)(\(county))配齐两名检查人员,请补充其他县区、其他单位的执法人员 / "
                    + "too few inspectors to staff \(target) (county \(county)) under the rules: \(detail)"
            }
        }
    }

    public static func make(_ inputs: DrawInputs, _ parameters: DrawParameters) throws(Failure) -> DrawPlan {
        guard (1...100).contains(parameters.ratioPercent), parameters.classRatios.values.allSatisfy({ (1...100).contains($0) }) else {
            throw .badParameter("抽取比例应为 1–100 的整数 / ratios must be whole percents from 1 to 100")
        }
        guard !parameters.seed.isEmpty else { throw .badParameter("随机种子为空:请在抽取前公开随机种子 / the seed is empty: fix a public seed before the draw") }
        guard !inputs.targets.isEmpty else { throw .noTargets("no designated institution in the returns for \(parameters.period)") }
        var ids = Set<String>()
        for inspector in inputs.inspectors where !ids.insert(inspector.id).inserted { throw .duplicateInspector(inspector.id) }
        var codes = Set<String>()
        for target in inputs.targets where !codes.insert(target.code).inserted { throw .duplicateTarget(target.code) }

        let digests = DrawDigests(inputs, parameters)
        let drawKey = DrawStream.key(seed: parameters.seed, inputsDigest: digests.inputs)
        let recent = recentlyDrawn(inputs.previous, before: parameters.period, months: parameters.excludeMonths)

        // 1–2. Strata and their draws.
        var groups: [String: [DrawTarget]] = [:]
        for target in inputs.targets { groups[stratumKey(target), default: []].append(target) }
        var strata: [DrawStratum] = []
        var drawn: [(target: DrawTarget, stratum: String, order: Int)] = []
        for stratum in groups.keys.sorted(by: stratumPrecedes) {
            let members = groups[stratum]!.sorted { $0.code < $1.code }
            let ratio = parameters.ratio(for: members[0].riskClass)
            let required = (ratio * members.count + 99) / 100
            let fresh = members.filter { !recent.contains($0.code) }, stale = members.filter { recent.contains($0.code) }
            var stream = DrawStream(key: drawKey, label: "stratum|" + stratum)
            var chosen = stream.choose(required, of: fresh)
            if chosen.count < required { chosen += stream.choose(required - chosen.count, of: stale) }
            for (i, target) in chosen.enumerated() { drawn.append((target, stratum, i + 1)) }
            strata.append(
                DrawStratum(
                    key: stratum, countyCode: members[0].countyCode, category: members[0].category,
                    riskClass: members[0].riskClass, size: members.count, excluded: stale.count,
                    ratioPercent: ratio, required: required))
        }
        drawn.sort { ($0.target.countyCode, $0.target.code) < ($1.target.countyCode, $1.target.code) }

        // 3. Inspectors.
        let qualified = inputs.inspectors.filter(\.qualified).sorted { $0.id < $1.id }
        let cap = qualified.isEmpty ? 0 : (2 * drawn.count + qualified.count - 1) / qualified.count + 1
        var load: [String: Int] = [:]
        var lots: [DrawLot] = []
        for (index, pick) in drawn.enumerated() {
            var stream = DrawStream(key: drawKey, label: "inspectors|" + pick.target.code)
            var team: [Inspector] = []
            for _ in 0..<2 {
                let allowed = qualified.filter { inspector in
                    (!parameters.crossCounty || inspector.countyCode != pick.target.countyCode)
                        && (load[inspector.id] ?? 0) < cap
                        && !team.contains { $0.id == inspector.id || $0.unit == inspector.unit }
                }
                guard let least = allowed.map({ load[$0.id] ?? 0 }).min() else {
                    throw .tooFewInspectors(
                        target: "\(pick.target.code) \(pick.target.name)", county: pick.target.countyCode,
                        detail: Self.shortage(qualified: qualified, team: team, target: pick.target, parameters: parameters, cap: cap))
                }
                let lightest = allowed.filter { (load[$0.id] ?? 0) == least }
                let inspector = lightest[stream.below(lightest.count)]
                team.append(inspector)
                load[inspector.id, default: 0] += 1
            }
            // 4. Items.
            let items = inputs.items.filter { $0.category == nil || $0.category == pick.target.category }.sorted { $0.id < $1.id }
            lots.append(DrawLot(number: index + 1, target: pick.target, stratum: pick.stratum, drawOrder: pick.order, inspectors: team, items: items))
        }
        return DrawPlan(parameters: parameters, digests: digests, strata: strata, lots: lots)
    }

    /// What is missing to staff `target`, in words a planner can act on.
    static func shortage(qualified: [Inspector], team: [Inspector], target: DrawTarget, parameters: DrawParameters, cap: Int) -> String {
        if qualified.count < 2 { return "need at least 2 qualified inspectors, the list has \(qualified.count)" }
        let outside = qualified.filter { !parameters.crossCounty || $0.countyCode != target.countyCode }
        let units = Set(outside.map(\.unit))
        if parameters.crossCounty && outside.count < 2 {
            return "cross-county inspection needs 2 qualified inspectors from outside county \(target.countyCode), the list has \(outside.count)"
        }
        if units.count < 2 {
            return "the two inspectors must come from different units; the qualified inspectors allowed here are all of \(units.first ?? "one unit")"
        }
        return "every allowed inspector already has \(cap) lots (the load cap); add qualified inspectors from other counties and units"
    }

    /// The stratum of a target: `COUNTY|CATEGORY|CLASS` (`-` without a risk class).
    static func stratumKey(_ t: DrawTarget) -> String {
        "\(t.countyCode)|\(t.category.rawValue)|\(t.riskClass?.rawValue ?? "-")"
    }

    /// Strata in county order, then in the category codes' order, then by class.
    static func stratumPrecedes(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: "|").map(String.init), y = b.split(separator: "|").map(String.init)
        let order = InstitutionCategory.allCases.map(\.rawValue)
        let cx = order.firstIndex(of: x[1]) ?? 99, cy = order.firstIndex(of: y[1]) ?? 99
        return (x[0], cx, x[2]) < (y[0], cy, y[2])
    }

    /// Institutions drawn in the `months` months before `period`.
    static func recentlyDrawn(_ previous: [PreviousDraw], before period: YearMonth, months: Int) -> Set<String> {
        guard months > 0 else { return [] }
        var earliest = period
        for _ in 0..<months { earliest = earliest.previous }
        return Set(previous.filter { $0.period >= earliest && $0.period < period }.flatMap(\.codes))
    }
}
