import FundWatchCore

/// Figures derived from the whole store (the city's metrics, the notice register), kept
/// until the store holds other versions. Stored versions are only ever added, with growing
/// ids, so their count and largest id name the set exactly; a new upload changes the key
/// and the next request recomputes. Holds one entry per kind: the latest key only; and a
/// few rendered page bodies (the dashboard of each year asked for), keyed by the store's
/// ``FundWatchStore/PortalStore/revision()`` and whatever else they show.
actor DerivedCache {
    private var metrics: (key: String, value: CityMetrics)?
    private var notices: (key: String, value: [MajorCaseNotice])?
    private var pages: [String: [UInt8]] = [:]

    /// At most this many page bodies are kept; one more empties the cache.
    static let pageLimit = 16

    /// The key of a set of stored versions plus what else the figure depends on.
    static func key(versionCount: Int, lastID: Int64?, _ parts: String...) -> String {
        "\(versionCount)/\(lastID ?? 0)/" + parts.joined(separator: "/")
    }

    func metrics(_ key: String, compute: @Sendable () async throws -> CityMetrics) async throws -> CityMetrics {
        if let metrics, metrics.key == key { return metrics.value }
        let value = try await compute()
        metrics = (key, value)
        return value
    }

    func notices(_ key: String, compute: @Sendable () async throws -> [MajorCaseNotice]) async throws -> [MajorCaseNotice] {
        if let notices, notices.key == key { return notices.value }
        let value = try await compute()
        notices = (key, value)
        return value
    }

    /// A rendered page body, computed once per key.
    func page(_ key: String, compute: @Sendable () async throws -> [UInt8]) async throws -> [UInt8] {
        if let body = pages[key] { return body }
        let body = try await compute()
        if pages.count >= Self.pageLimit { pages.removeAll() }
        pages[key] = body
        return body
    }
}
