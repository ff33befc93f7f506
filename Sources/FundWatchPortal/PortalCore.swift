import Foundation
import FundWatchCore
import FundWatchPipeline
import FundWatchReturns
import FundWatchTemplating

/// What every route of the portal shares: the return cycle (receiving, reviewing, scoped
/// reads, users — FundWatchReturns), the page templates, the derived-figures cache and
/// whether cookies are `Secure`.
public struct PortalCore: Sendable {
    /// The return cycle the portal is a front door to.
    public let returns: ReturnCycle
    /// Whether cookies carry `Secure` (see `[portal] secure_cookies`).
    public let secureCookies: Bool
    let pages: Pages
    /// City-wide figures, recomputed only when the stored versions change.
    let cache = DerivedCache()
    /// The operator's log (a line per request and per upload; none by default).
    public let log: RequestLog

    /// A portal in front of `returns`. `secureCookies` must be true unless the portal is
    /// served over plain HTTP on loopback (a reverse proxy with TLS in front counts as HTTPS).
    public init(returns: ReturnCycle, secureCookies: Bool, log: RequestLog = .off) throws {
        self.returns = returns
        self.secureCookies = secureCookies
        self.log = log
        pages = try Pages()
    }

    public var pipeline: Pipeline { returns.pipeline }
    public var settings: Settings { returns.settings }
    /// Seconds since 1970, from the return cycle's clock.
    public func now() -> Int64 { returns.now() }
    /// Today in China Standard Time.
    var today: Day { returns.today }

    /// The page `name` for `identity` (nil: nobody logged in) with its title and model.
    func page<Model: TemplateModel>(_ name: String, title: String, for identity: Identity?, _ model: Model) -> [UInt8] {
        pages.render(name, Page(title: title, layout: Layout(identity, idleMinutes: settings.portal.sessionIdleMinutes), model: model))
    }

    /// Writes an audit line; the log must never lose an entry silently, so a failure is thrown.
    func audit(_ actor: String, _ action: String, _ outcome: String, _ detail: String, address: String) async throws {
        try await returns.audit(actor, action, outcome, detail, address: address)
    }
}
