import FundWatchCore
import FundWatchReturnsStore

/// Figures derived from the whole store (the city's metrics, the notice and tip-off registers), kept
/// until the store holds other versions. Stored versions are only ever added, with growing
/// ids, so their count and largest id name the set exactly; a new upload changes the key
/// and the next request recomputes. Holds one entry per kind: the latest key only; and a
/// few rendered page bodies (the dashboard of each year asked for), keyed by the store's
/// ``FundWatchStore/ReturnsTables/revision()`` and whatever else they show.
///
/// Each entry is computed once however many requests ask at the same moment: the first
/// starts the work and the others wait for it (without this, 32 connections arriving on a
/// cold cache each computed the city's figures, and the first second of load stalled).
actor DerivedCache {
    private var metrics: (key: String, value: Task<CityMetrics, Error>)?
    private var notices: (key: String, value: Task<[MajorCaseNotice], Error>)?
    private var tipoffs: (key: String, value: Task<[TipoffStatus], Error>)?
    private var pages: [String: Task<[UInt8], Error>] = [:]

    /// At most this many page bodies are kept; one more empties the cache.
    static let pageLimit = 16

    /// The key of a set of stored versions plus what else the figure depends on.
    static func key(versionCount: Int, lastID: Int64?, _ parts: String...) -> String {
        "\(versionCount)/\(lastID ?? 0)/" + parts.joined(separator: "/")
    }

    func metrics(_ key: String, compute: @escaping @Sendable () async throws -> CityMetrics) async throws -> CityMetrics {
        if let metrics, metrics.key == key { return try await wait(metrics.value) { $0.forgetMetrics(key) } }
        let task = Task { try await compute() }
        metrics = (key, task)
        return try await wait(task) { $0.forgetMetrics(key) }
    }

    func notices(_ key: String, compute: @escaping @Sendable () async throws -> [MajorCaseNotice]) async throws -> [MajorCaseNotice] {
        if let notices, notices.key == key { return try await wait(notices.value) { $0.forgetNotices(key) } }
        let task = Task { try await compute() }
        notices = (key, task)
        return try await wait(task) { $0.forgetNotices(key) }
    }

    func tipoffs(_ key: String, compute: @escaping @Sendable () async throws -> [TipoffStatus]) async throws -> [TipoffStatus] {
        if let tipoffs, tipoffs.key == key { return try await wait(tipoffs.value) { $0.forgetTipoffs(key) } }
        let task = Task { try await compute() }
        tipoffs = (key, task)
        return try await wait(task) { $0.forgetTipoffs(key) }
    }

    /// A rendered page body, computed once per key.
    func page(_ key: String, compute: @escaping @Sendable () async throws -> [UInt8]) async throws -> [UInt8] {
        if let task = pages[key] { return try await wait(task) { $0.forgetPage(key) } }
        if pages.count >= Self.pageLimit { pages.removeAll() }
        let task = Task { try await compute() }
        pages[key] = task
        return try await wait(task) { $0.forgetPage(key) }
    }

    /// The task's value; a failure is not kept (the next request tries again).
    private func wait<T: Sendable>(_ task: Task<T, Error>, forget: (isolated DerivedCache) -> Void) async throws -> T {
        do { return try await task.value } catch {
            forget(self)
            throw error
        }
    }

    private func forgetMetrics(_ key: String) { if metrics?.key == key { metrics = nil } }
    private func forgetNotices(_ key: String) { if notices?.key == key { notices = nil } }
    private func forgetTipoffs(_ key: String) { if tipoffs?.key == key { tipoffs = nil } }
    private func forgetPage(_ key: String) { pages[key] = nil }
}
