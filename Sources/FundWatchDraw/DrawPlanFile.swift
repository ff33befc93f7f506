import Foundation
import FundWatchCore
import FundWatchXML

/// A published plan read back from its `draw-plan.xml` (libxml2's SAX parser, no DOCTYPE):
/// the parameters and seed, the digests it publishes, and its strata and lots — what
/// `draw --verify` recomputes and `draw-results` matches.
public struct DrawPlanFile {
    /// Why a plan cannot be read.
    public struct Failure: Error {
        public let file: String
        public let detail: String
        public var finding: Finding {
            Finding(
                file: file, line: nil, rule: "draw.plan", message: "抽查方案文件无法读取:\(detail)", messageEN: "the draw plan cannot be read: \(detail)",
                expected: "fundwatch draw 生成的 draw-plan.xml (a draw-plan.xml written by fundwatch draw)")
        }
    }

    public let parameters: DrawParameters
    /// The digests as published, in ``DrawDigests/all`` order.
    public let digests: [(name: String, value: String)]
    public let plan: DrawPlan

    public static let fileName = "draw-plan.xml"

    public init(folder: String) throws(Failure) {
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(file: path, detail: "no such file") }
        try self.init(bytes: Array(data), name: path)
    }

    public init(bytes: [UInt8], name path: String) throws(Failure) {
        let handler = PlanHandler()
        do {
            let parser = try XMLEventParser(name: path, handler: handler)
            try bytes.withUnsafeBufferPointer { try parser.parse($0) }
            try parser.finish()
        } catch {
            throw Failure(file: path, detail: "\(error)")
        }
        guard let p = handler.parameters, let d = handler.digests else { throw Failure(file: path, detail: "no parameters or digests element") }
        func int(_ key: String) throws(Failure) -> Int {
            guard let v = p[key].flatMap({ Int($0) }) else { throw Failure(file: path, detail: "parameter \(key) is missing or not a number") }
            return v
        }
        guard let period = p["period"].flatMap({ YearMonth(iso: $0) }), let seed = p["seed"] else {
            throw Failure(file: path, detail: "no period or seed")
        }
        var ratios: [RiskClass: Int] = [:]
        for c in RiskClass.allCases { ratios[c] = try int("ratio_" + c.rawValue.lowercased()) }
        parameters = DrawParameters(
            period: period, seed: seed, ratioPercent: try int("ratio"), classRatios: ratios,
            crossCounty: p["cross_county"] == "true", excludeMonths: try int("exclude_months"), windowMonths: try int("window_months"))
        digests = ["targets", "inspectors", "items", "previous", "parameters"].map { ($0, d[$0] ?? "") }
        let published = DrawDigests(
            targets: d["targets"] ?? "", inspectors: d["inspectors"] ?? "", items: d["items"] ?? "",
            previous: d["previous"] ?? "", parameters: d["parameters"] ?? "")
        plan = DrawPlan(parameters: parameters, digests: published, strata: handler.strata, lots: handler.lots)
    }

    /// An earlier plan as the exclusion of recent targets needs it.
    public static func previous(_ folder: String) throws(Failure) -> PreviousDraw {
        let file = try DrawPlanFile(folder: folder)
        return PreviousDraw(period: file.parameters.period, codes: file.plan.lots.map(\.target.code))
    }
}

/// Collects the plan's elements.
private final class PlanHandler: XMLEventParser.Handler {
    var parameters: [String: String]?
    var digests: [String: String]?
    var strata: [DrawStratum] = []
    var lots: [DrawLot] = []

    func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "parameters": parameters = a
        case "digests": digests = a
        case "stratum":
            guard let category = a["category"].flatMap(InstitutionCategory.init(rawValue:)) else { return }
            strata.append(
                DrawStratum(
                    key: a["key"] ?? "", countyCode: a["county"] ?? "", category: category,
                    riskClass: a["risk"].flatMap(RiskClass.init(rawValue:)), size: Int(a["size"] ?? "") ?? 0,
                    excluded: Int(a["excluded"] ?? "") ?? 0, ratioPercent: Int(a["ratio"] ?? "") ?? 0, required: Int(a["required"] ?? "") ?? 0))
        case "lot":
            guard let category = a["category"].flatMap(InstitutionCategory.init(rawValue:)) else { return }
            let target = DrawTarget(
                countyCode: a["county"] ?? "", countyName: a["county_name"] ?? "", code: a["code"] ?? "", name: a["name"] ?? "",
                category: category, riskClass: a["risk"].flatMap(RiskClass.init(rawValue:)))
            lots.append(
                DrawLot(
                    number: Int(a["number"] ?? "") ?? 0, target: target, stratum: a["stratum"] ?? "",
                    drawOrder: Int(a["draw_order"] ?? "") ?? 0, inspectors: [], items: []))
        case "inspector" where !lots.isEmpty:
            lots[lots.count - 1].inspectors.append(
                Inspector(
                    id: a["id"] ?? "", name: a["name"] ?? "", countyCode: a["county"] ?? "",
                    unit: a["unit"] ?? "", qualified: true))
        case "item" where !lots.isEmpty:
            lots[lots.count - 1].items.append(
                CheckItem(
                    id: a["id"] ?? "", title: a["title"] ?? "",
                    category: a["category"].flatMap(InstitutionCategory.init(rawValue:))))
        default: break
        }
    }
    func end(_ name: String) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}
