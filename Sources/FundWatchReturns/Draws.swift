import FundWatchCore
import FundWatchDraw
import FundWatchReturnsStore
import FundWatchStore

/// The 双随机 draws the city keeps: a draft when drawn, published once; each kept as its
/// plan's data, which its documents and results are rendered from.
public struct Draws: Sendable {
    let cycle: ReturnCycle

    /// Every draw, newest first; only published ones with `publishedOnly` (what counties see).
    public func list(publishedOnly: Bool) async throws(StoreError) -> [StoredDraw] {
        try await cycle.tables.draws(publishedOnly: publishedOnly)
    }

    /// One draw, or a refusal when there is none.
    public func draw(id: Int64) async throws -> StoredDraw {
        guard let draw = try await cycle.tables.draw(id: id) else { throw Refusal(.notFound, "没有这次抽查 (no such draw)") }
        return draw
    }

    /// Keeps `plan` as a draft drawn by `actor`, with its audit line.
    public func keep(_ plan: DrawPlan, actor: String, address: String) async throws -> StoredDraw {
        let stored = try await cycle.tables.addDraw(
            period: plan.parameters.period, seed: plan.parameters.seed, inputsDigest: plan.digests.inputs,
            planJSON: plan.json, actor: actor, at: cycle.now())
        try await cycle.audit(
            actor, "draw", "ok",
            "#\(stored.id) \(plan.parameters.period) seed \(plan.parameters.seed) "
                + "inputs \(plan.digests.inputs.prefix(12)), \(plan.lots.count) targets", address: address)
        return stored
    }

    /// Publishes a draft once, with its audit line; a published draw stays as it was.
    public func publish(_ draw: StoredDraw, by actor: String, address: String) async throws {
        try await cycle.tables.publishDraw(id: draw.id, by: actor, at: cycle.now())
        try await cycle.audit(actor, "draw", "published", "#\(draw.id) \(draw.period)", address: address)
    }

    /// The plan of `draw`, from its data; a draw kept as XML (before schema version 6) is
    /// read from its `draw-plan.xml` once and kept as data from then on.
    public func plan(of draw: StoredDraw) async throws -> DrawPlan {
        if let json = draw.planJSON { return try DrawPlan(json: json) }
        let plan: DrawPlan
        do {
            plan = try DrawPlanFile(bytes: Array(draw.legacyPlanXML.utf8), name: "draw-\(draw.id).xml").plan
        } catch {
            throw StoreError.damaged("draw #\(draw.id) cannot be read: \(error.detail)")
        }
        try await cycle.tables.keepAsData(draw: draw.id, planJSON: plan.json)
        return plan
    }

    /// The targets drawn by the published draws before `period`, for the exclusion of recent targets.
    public func previous(before period: YearMonth) async throws -> [PreviousDraw] {
        var previous: [PreviousDraw] = []
        for earlier in try await list(publishedOnly: true) where earlier.period < period {
            previous.append(PreviousDraw(period: earlier.period, codes: try await plan(of: earlier).lots.map(\.target.code)))
        }
        return previous
    }
}

extension ReturnCycle {
    /// The city's 双随机 draws.
    public var draws: Draws { Draws(cycle: self) }
}
