import FundWatchCore

/// A 双随机 draw the city ran in the portal, kept as its plan's XML.
public struct StoredDraw: Sendable, Hashable {
    public var id: Int64
    public var period: YearMonth
    public var seed: String
    public var inputsDigest: String
    public var planXML: String
    public var createdAt: Int64
    public var actor: String
    /// When the city published it (counties see it from then on); nil while a draft.
    public var publishedAt: Int64?
    public var publishedBy: String?

    public init(id: Int64, period: YearMonth, seed: String, inputsDigest: String, planXML: String, createdAt: Int64, actor: String,
                publishedAt: Int64?, publishedBy: String?) {
        self.id = id
        self.period = period
        self.seed = seed
        self.inputsDigest = inputsDigest
        self.planXML = planXML
        self.createdAt = createdAt
        self.actor = actor
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
    }
}
