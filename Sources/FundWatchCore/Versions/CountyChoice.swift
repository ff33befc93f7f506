/// Whether a county's report uses a return for the report month.
public enum CountyStatus: String, Sendable, CaseIterable {
    /// A submission for the month `to` exists.
    case ok
    /// None for `to`; the latest earlier one is used.
    case stale
    /// None for `to` or before.
    case missing

    public var label: String {
        switch self {
        case .ok: "正常"
        case .stale: "沿用旧数据"
        case .missing: "未报送"
        }
    }
}

/// The version a report uses for one county (see ``SubmissionVersion`` for the names).
public struct CountyChoice<Payload: Sendable>: Sendable {
    public var countyCode: String
    public var countyName: String
    public var status: CountyStatus
    /// Nil when `missing`.
    public var chosen: SubmissionVersion<Payload>?

    public init(countyCode: String, countyName: String, status: CountyStatus, chosen: SubmissionVersion<Payload>?) {
        self.countyCode = countyCode
        self.countyName = countyName
        self.status = status
        self.chosen = chosen
    }

    /// The same choice with the chosen version's payload transformed.
    public func mapPayload<Other: Sendable>(_ transform: (Payload) throws -> Other) rethrows -> CountyChoice<Other> {
        CountyChoice<Other>(
            countyCode: countyCode, countyName: countyName, status: status,
            chosen: try chosen.map { $0.replacingPayload(with: try transform($0.payload)) })
    }

    /// The same choice with its payload replaced (e.g. a stored version's id by its loaded registers).
    public func withPayload<Other: Sendable>(_ transform: (Payload) async throws -> Other) async rethrows -> CountyChoice<Other> {
        var version: SubmissionVersion<Other>? = nil
        if let chosen { version = chosen.replacingPayload(with: try await transform(chosen.payload)) }
        return CountyChoice<Other>(countyCode: countyCode, countyName: countyName, status: status, chosen: version)
    }
}
