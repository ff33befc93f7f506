import Foundation
import FundWatchCore
import FundWatchPipeline
import FundWatchStore
import FundWatchReturnsStore

/// What every route of the portal shares: the store (registers and portal tables), the
/// pipeline that validates and reports exactly as the command line does, the settings,
/// the page templates and the clock.
public struct PortalCore: Sendable {
    public let store: any ReturnsDatabase
    public let pipeline: Pipeline
    public var settings: Settings { pipeline.settings }
    /// Seconds since 1970; tests move it to expire sessions and locks.
    public let now: @Sendable () -> Int64
    /// Whether cookies carry `Secure` (everything but plain HTTP on loopback).
    public let secureCookies: Bool
    let passwords: Passwords
    let pages: Pages
    /// City-wide figures, recomputed only when the stored versions change.
    let cache = DerivedCache()

    /// A portal on `store`. `secureCookies` must be true unless the portal is served over
    /// plain HTTP on loopback (a reverse proxy with TLS in front counts as HTTPS).
    public init(store: any ReturnsDatabase, pipeline: Pipeline, secureCookies: Bool,
                now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) throws {
        self.store = store
        self.pipeline = pipeline
        self.secureCookies = secureCookies
        self.now = now
        passwords = Passwords(cost: pipeline.settings.portal.bcryptCost)
        pages = try Pages()
    }

    /// Today in the bureau's time zone (China Standard Time, UTC+8), from the clock.
    var today: Day {
        let days = Int((now() + 8 * 3_600) / 86_400)
        return Day(ordinal: Int32(days))
    }

    /// Writes an audit line; the log must never lose an entry silently, so a failure is thrown.
    func audit(_ actor: String, _ action: String, _ outcome: String, _ detail: String, address: String) async throws {
        try await store.returns.audit(AuditEntry(at: now(), actor: actor, action: action, outcome: outcome, detail: detail, address: address))
    }
}
