import FundWatchCore

/// A 双随机 draw the city ran in the portal, kept as its plan's data (`planJSON`, the draw
/// module's `DrawPlan.json`); draws kept by schema version 3–5 hold the plan's XML instead
/// (`legacyPlanXML`) until they are read once and kept as data.
public struct StoredDraw: Sendable, Hashable {
    public var id: Int64
    public var period: YearMonth
    public var seed: String
    public var inputsDigest: String
    /// The plan as data; nil for a draw kept before schema version 6.
    public var planJSON: String?
    /// The plan's `draw-plan.xml`, for a draw kept before schema version 6 (empty after).
    public var legacyPlanXML: String
    public var createdAt: Int64
    public var actor: String
    /// When the city published it (counties see it from then on); nil while a draft.
    public var publishedAt: Int64?
    public var publishedBy: String?

    public init(
        id: Int64, period: YearMonth, seed: String, inputsDigest: String, planJSON: String?, legacyPlanXML: String = "", createdAt: Int64,
        actor: String, publishedAt: Int64?, publishedBy: String?
    ) {
        self.id = id
        self.period = period
        self.seed = seed
        self.inputsDigest = inputsDigest
        self.planJSON = planJSON
        self.legacyPlanXML = legacyPlanXML
        self.createdAt = createdAt
        self.actor = actor
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
    }
}
