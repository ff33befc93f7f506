import Foundation
import FundWatchCore

/// One drawn target with its inspectors and items.
public struct DrawLot: Sendable, Hashable, Codable {
    /// 1-based, in the plan's order (county, then institution code).
    public var number: Int
    public var target: DrawTarget
    /// The stratum it was drawn from, e.g. `990101|public_hospital|B`.
    public var stratum: String
    /// Its place in its stratum's draw order (1 = drawn first).
    public var drawOrder: Int
    public var inspectors: [Inspector]
    public var items: [CheckItem]

    public init(number: Int, target: DrawTarget, stratum: String, drawOrder: Int, inspectors: [Inspector], items: [CheckItem]) {
        self.number = number
        self.target = target
        self.stratum = stratum
        self.drawOrder = drawOrder
        self.inspectors = inspectors
        self.items = items
    }
}

/// A stratum: the institutions of one county and category (and risk class), how many there
/// were, how many had to be drawn, and the share that asked for.
public struct DrawStratum: Sendable, Hashable, Codable {
    public var key: String
    public var countyCode: String
    public var category: InstitutionCategory
    public var riskClass: RiskClass?
    public var size: Int
    /// Of them, drawn in the previous months and so drawn only when needed.
    public var excluded: Int
    public var ratioPercent: Int
    public var required: Int

    public init(
        key: String, countyCode: String, category: InstitutionCategory, riskClass: RiskClass?, size: Int, excluded: Int,
        ratioPercent: Int, required: Int
    ) {
        self.key = key
        self.countyCode = countyCode
        self.category = category
        self.riskClass = riskClass
        self.size = size
        self.excluded = excluded
        self.ratioPercent = ratioPercent
        self.required = required
    }
}

/// A draw: what it was made from and what it drew.
public struct DrawPlan: Sendable, Hashable, Codable {
    public var parameters: DrawParameters
    public var digests: DrawDigests
    public var strata: [DrawStratum]
    public var lots: [DrawLot]

    public init(parameters: DrawParameters, digests: DrawDigests, strata: [DrawStratum], lots: [DrawLot]) {
        self.parameters = parameters
        self.digests = digests
        self.strata = strata
        self.lots = lots
    }

    /// Each county's number of designated institutions and of targets drawn.
    public var counties: [(code: String, name: String, institutions: Int, drawn: Int)] {
        var order: [String] = [], names: [String: String] = [:], sizes: [String: Int] = [:], drawn: [String: Int] = [:]
        for s in strata {
            if sizes[s.countyCode] == nil { order.append(s.countyCode) }
            sizes[s.countyCode, default: 0] += s.size
        }
        for lot in lots {
            drawn[lot.target.countyCode, default: 0] += 1
            names[lot.target.countyCode] = lot.target.countyName
        }
        return order.map { ($0, names[$0] ?? "", sizes[$0] ?? 0, drawn[$0] ?? 0) }
    }

    public static func == (a: DrawPlan, b: DrawPlan) -> Bool {
        a.parameters == b.parameters && a.digests == b.digests && a.strata == b.strata && a.lots == b.lots
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(digests)
        hasher.combine(lots)
    }
}

extension DrawPlan {
    /// The plan as data (JSON, keys sorted): how a draw is kept in a store, so a page reads it
    /// back without parsing a rendered document.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain values cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// A plan kept as ``json``.
    public init(json: String) throws {
        self = try JSONDecoder().decode(DrawPlan.self, from: Data(json.utf8))
    }
}
