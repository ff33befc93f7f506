import FundWatchPipeline
import FundWatchReports
import FundWatchReturns
import FundWatchStore
import Hummingbird

/// Turns every failure into an answer a person (or a program) can act on: a page for the
/// browser, `{"error": …}` for the API. No credential: 401 (pages redirect to the login).
/// Never a stack trace, a path of the server or a reporter.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let core: PortalCore

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        let api = request.uri.path.hasPrefix("/api/")
        if api, let allowed = Self.apiMethods(request.uri.path), !allowed.contains(request.method) {
            var response = answer(.methodNotAllowed, "method \(request.method) not allowed here", api: true, context: context)
            response.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
            return response
        }
        do {
            return try await next(request, context)
        } catch is Unauthenticated {
            if api {
                var response = PageResponse.json(#"{"error":"a valid bearer token is required"}"#, status: .unauthorized)
                response.headers[.wwwAuthenticate] = "Bearer"
                return response
            }
            return PageResponse.redirect("/login")
        } catch let error as HTTPError {
            return answer(error.status, error.body ?? "", api: api, context: context)
        } catch let refusal as Refusal {
            return answer(Self.status(of: refusal.kind), refusal.message, api: api, context: context)
        } catch let error as PipelineError {
            switch error {
            case .validationFailed: return answer(.unprocessableContent, "报表数据有错误,无法生成 (the stored data has errors)", api: api, context: context)
            case .versionConflict(let conflict): return answer(.conflict, conflict.description, api: api, context: context)
            case .storeConflict: return answer(.conflict, "数据刚被他人修改,请重试 (conflict; try again)", api: api, context: context)
            case .notFound(let text): return answer(.notFound, text, api: api, context: context)
            case .badRequest(let text): return answer(.unprocessableContent, text, api: api, context: context)
            default:
                context.logger.error("pipeline failure: \(error.description)")
                return answer(.serviceUnavailable, "服务暂时不可用,请稍后再试 (service unavailable)", api: api, context: context)
            }
        } catch let error as StoreError {
            context.logger.error("store failure: \(error.description)")
            return answer(error.kind == .conflict ? .conflict : .serviceUnavailable, "数据库暂时不可用,请稍后再试 (store unavailable)", api: api, context: context)
        } catch {
            context.logger.error("unexpected failure: \(String(describing: type(of: error)))")
            return answer(.internalServerError, "服务器内部错误 (internal error)", api: api, context: context)
        }
    }

    /// The one place a refusal of the return cycle becomes an HTTP status.
    static func status(of kind: Refusal.Kind) -> HTTPResponse.Status {
        switch kind {
        case .notFound: .notFound
        case .conflict: .conflict
        case .invalid: .unprocessableContent
        case .outOfScope: .forbidden
        }
    }

    /// The methods an API path answers (nil: no such path), for 405 with `Allow`.
    static func apiMethods(_ path: String) -> [HTTPRequest.Method]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        switch parts.count {
        case 3 where parts[2] == "submissions": return [.get, .post]
        case 3 where parts[2] == "reports" || parts[2] == "notices" || parts[2] == "tipoffs" || parts[2] == "warnings": return [.get]
        case 6 where parts[2] == "submissions" && (parts[5] == "review" || parts[5] == "explanations"): return [.post]
        default: return nil
        }
    }

    private func answer(_ status: HTTPResponse.Status, _ message: String, api: Bool, context: PortalContext) -> Response {
        if api {
            return PageResponse.json(JSONValue.object([("error", .string(message))]).serialized(), status: status)
        }
        let page = ErrorPage(heading: Self.heading(status), message: message)
        return PageResponse.html(core.page("error", title: "\(status.code)", for: context.identity, page), status: status)
    }

    static func heading(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "请求有误"
        case 403: "没有权限"
        case 404: "找不到页面"
        case 409: "状态冲突"
        case 413: "文件过大"
        case 415: "文件类型不支持"
        case 422: "无法处理"
        case 429: "请求过多"
        default: "服务暂时不可用"
        }
    }
}
