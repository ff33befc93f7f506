import FundWatchCore
import FundWatchPipeline
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// The reporting portal: county clerks upload returns and get the 审核报告 at once, the city
/// reviews them (approve / return with a reason), follows timeliness and notices, and
/// downloads the report tables; administrators manage users and read the audit log.
///
/// Every request passes, in order: the security headers, the error pages, then
/// ``AccessMiddleware`` (who is calling); every handler then states what it needs
/// (``Requirement``) and reads county data only through its caller's ``Scope``.
public struct Portal: Sendable {
    public let core: PortalCore

    public init(core: PortalCore) { self.core = core }

    /// The router with every page, the API and the style sheet.
    public func router() -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        router.add(middleware: RequestLogMiddleware(log: core.log))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(core: core))
        router.add(middleware: AccessMiddleware(portal: core))
        let css = core.pages.styleSheet
        router.get("/static/portal.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(bytes: css)))
        }
        // For a load balancer: 200 while the store answers within 2 seconds, else 503 (no detail).
        let core = self.core
        router.get("/health") { _, _ in
            await core.returns.storeAnswers(within: .seconds(2))
                ? PageResponse.json(#"{"status":"ok","store":"ok"}"#)
                : PageResponse.json(#"{"status":"unavailable","store":"not answering"}"#, status: .serviceUnavailable)
        }
        SessionRoutes(core: core).add(to: router)
        CountyRoutes(core: core).add(to: router)
        CityRoutes(core: core).add(to: router)
        AdminRoutes(core: core).add(to: router)
        FigureRoutes(core: core).add(to: router)
        DrawRoutes(core: core).add(to: router)
        APIRoutes(core: core).add(to: router)
        return router
    }

    /// The application listening on `host:port`. A connection that sends nothing for
    /// `[portal] idle_timeout_seconds` is closed: an idle keep-alive one, and one that has
    /// not finished its request head (Hummingbird counts a connection idle until the head of a
    /// request has arrived), so half-sent headers cannot hold connections open.
    ///
    /// `services` run alongside the server in its service group (a PostgreSQL store's
    /// `PostgresClient`), started before and stopped after it; `prepare` runs once they are
    /// running and before the first request is served (migrating the store, say).
    public func application(
        host: String, port: Int, logger: Logger, services: [any Service] = [],
        prepare: @escaping @Sendable () async throws -> Void = {}
    ) -> some ApplicationProtocol {
        let idle = TimeAmount.seconds(Int64(core.settings.portal.idleTimeoutSeconds))
        var app = Application(
            router: router(), server: .http1(configuration: HTTP1Channel.Configuration(idleTimeout: idle)),
            configuration: .init(address: .hostname(host, port: port), serverName: nil), services: services, logger: logger)
        app.beforeServerStarts(perform: prepare)
        return app
    }
}
