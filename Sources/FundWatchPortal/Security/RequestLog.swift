import Foundation
import FundWatchCore
import Hummingbird
import Synchronization

/// The operator's log: one logfmt line per request and per upload outcome, written by
/// `sink` (standard output under `serve`) at `[portal] log_level`. A line names the method,
/// the path with its county codes, months and numbers replaced by placeholders (never the
/// query string, which may name a download), the status, the duration and the user; never a
/// reporter, never a file's content.
///
///     time=2026-12-05T08:01:02Z level=info method=POST route=/api/v1/submissions status=201 duration_ms=41 user=clerk1
///     time=2026-12-05T08:01:02Z level=info event=upload county=990101 period=2026-03 outcome=new version=2 user=clerk1
public struct RequestLog: Sendable {
    public let level: PortalSettings.LogLevel
    let sink: @Sendable (String) -> Void

    public init(level: PortalSettings.LogLevel, sink: @escaping @Sendable (String) -> Void) {
        self.level = level
        self.sink = sink
    }

    /// No log (tests, embedding).
    public static let off = RequestLog(level: .off) { _ in }

    /// The line's level for a status: 5xx error, 4xx warning, else info.
    static func level(of status: Int) -> PortalSettings.LogLevel { status >= 500 ? .error : status >= 400 ? .warning : .info }

    /// Writes `fields` (in order) at `lineLevel`, when the configured level lets it through.
    func write(_ lineLevel: PortalSettings.LogLevel, _ fields: [(String, String)]) {
        guard level != .off, lineLevel >= level else { return }
        let time = ISO8601DateFormatter().string(from: Date())
        sink((["time=\(time)", "level=\(lineLevel.rawValue)"] + fields.map { "\($0)=\(Self.value($1))" }).joined(separator: " "))
    }

    /// A logfmt value: bare when it can be, else quoted with `"` and `\` escaped.
    static func value(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "\"" && $0 != "=" }) { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The path as a route: county codes `{county}`, months `{period}`, numbers `{id}`.
    static func route(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
            let s = String(part)
            if s.count == 6, s.allSatisfy(\.isNumber) { return "{county}" }
            if YearMonth(iso: s) != nil { return "{period}" }
            if !s.isEmpty, s.allSatisfy(\.isNumber) { return "{id}" }
            return s
        }.joined(separator: "/")
    }

    /// An upload's outcome.
    func upload(county: String?, period: String?, outcome: String, version: Int?, user: String) {
        write(
            outcome == "refused" || outcome == "rejected" ? .warning : .info,
            [
                ("event", "upload"), ("county", county ?? "-"), ("period", period ?? "-"), ("outcome", outcome),
                ("version", version.map(String.init) ?? "-"), ("user", user),
            ])
    }
}

/// Who a request turned out to be, noted by ``AccessMiddleware`` for the log line written
/// when the request is done (the context itself is copied down the chain, not shared).
final class RequestNote: Sendable {
    private let user = Mutex<String?>(nil)
    var name: String? {
        get { user.withLock { $0 } }
        set { user.withLock { $0 = newValue } }
    }
}

/// Writes one line per request once it is answered (or failed).
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let log: RequestLog

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        guard log.level != .off else { return try await next(request, context) }
        let started = ContinuousClock.now
        let note = RequestNote()
        var context = context
        context.note = note
        func line(_ status: Int) {
            let elapsed = ContinuousClock.now - started
            let ms = elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            log.write(
                RequestLog.level(of: status),
                [
                    ("method", request.method.rawValue), ("route", RequestLog.route(request.uri.path)), ("status", String(status)),
                    ("duration_ms", String(ms)), ("user", note.name ?? "-"),
                ])
        }
        do {
            let response = try await next(request, context)
            line(response.status.code)
            return response
        } catch let error as HTTPError {
            line(error.status.code)
            throw error
        } catch {
            line(500)
            throw error
        }
    }
}
