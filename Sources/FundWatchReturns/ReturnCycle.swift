import Foundation
import FundWatchCore
import FundWatchPipeline
import FundWatchReturnsStore
import FundWatchStore

/// The return cycle, the library under both front doors (the portal, and `fundwatch user` …):
/// a return received — read and validated once, stored with its 待审核 event, upload record
/// and audit line in one transaction — reviewed (approve, return with a reason), read within a
/// caller's ``Scope``, and the users who do it. Every rule's refusal is a ``Refusal``; what
/// fails below it is a `StoreError` or a `PipelineError`.
///
/// ```swift
/// let cycle = ReturnCycle(store: store, pipeline: try Pipeline(settings: settings))
/// let receipt = try await cycle.receive(Upload(name: "3月.xlsx", bytes: bytes), from: clerk, address: "10.0.0.7")
/// ```
public struct ReturnCycle: Sendable {
    let store: any ReturnsDatabase
    /// Validation, reports and documents, as the command line has them.
    public let pipeline: Pipeline
    /// Seconds since 1970; tests move it to expire sessions and to set "today".
    public let now: @Sendable () -> Int64
    /// Password hashing at `[portal] bcrypt_cost`.
    public let passwords: Passwords

    public init(store: any ReturnsDatabase, pipeline: Pipeline, now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.store = store
        self.pipeline = pipeline
        self.now = now
        passwords = Passwords(cost: pipeline.settings.portal.bcryptCost)
    }

    public var settings: Settings { pipeline.settings }

    /// Today in the bureau's time zone (China Standard Time, UTC+8), from the clock.
    public var today: Day { Day(ordinal: Int32(clamping: (now() + 8 * 3_600) / 86_400)) }

    /// The return cycle's tables, for the portal's session and user lookups.
    public var tables: ReturnsTables { store.returns }

    /// Whether the store answers a trivial query within `deadline` (`/health`).
    public func storeAnswers(within deadline: Duration) async -> Bool {
        let store = self.store
        return await answered(within: deadline) { (try? await store.query("SELECT 1", [])).map { _ in true } } ?? false
    }

    /// The store's returns as a pipeline reads them: every version, or (`approvedOnly`) the
    /// approved ones.
    public func source(approvedOnly: Bool = false) -> DataSource { approvedOnly ? .approved(store) : .store(store) }

    /// What a caller in `scope` may read (see ``ScopedReturns``).
    public func scoped(_ scope: Scope) -> ScopedReturns { ScopedReturns(store: store, scope: scope) }

    /// Adding and changing users and their API tokens.
    public var users: UserAdmin { UserAdmin(cycle: self) }

    /// Writes an audit line; the log must never lose an entry silently, so a failure is thrown.
    public func audit(_ actor: String, _ action: String, _ outcome: String, _ detail: String, address: String) async throws(StoreError) {
        try await store.returns.audit(AuditEntry(at: now(), actor: actor, action: action, outcome: outcome, detail: detail, address: address))
    }

    /// Audit lines at or after `since`, oldest first, at most `limit`.
    public func auditEntries(since: Int64, limit: Int) async throws(StoreError) -> [AuditEntry] {
        try await store.returns.auditEntries(since: since, limit: limit)
    }

    /// A stamp that changes whenever versions, review events or users change (for caches).
    public func revision() async throws(StoreError) -> String { try await store.returns.revision() }

    /// Releases the store.
    public func close() async { await store.close() }
}
