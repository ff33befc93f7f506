import Foundation
import FundWatchCore
import FundWatchPipeline
import FundWatchReports
import FundWatchReturns
import FundWatchReturnsStore
import Hummingbird

/// The JSON API (`openapi.yaml`), for county systems that send returns automatically and for
/// scripts; bearer tokens from `fundwatch user token`. Answers are scoped exactly as pages are.
struct APIRoutes: Sendable {
    let core: PortalCore

    func add(to router: Router<PortalContext>) {
        let api = router.group("/api/v1")
        api.post("/submissions") { request, context in try await submit(request, context) }
        api.get("/submissions") { request, context in try await list(request, context) }
        api.post("/submissions/:county/:period/review") { request, context in try await review(request, context) }
        api.post("/submissions/:county/:period/explanations") { request, context in try await explain(request, context) }
        api.get("/warnings") { request, context in
            let identity = try context.require(.returns)
            let q = request.uri.queryParameters
            let period = try DateParameter.month(q["period"].map(String.init), name: "period", strict: true)
            let county = q["county"].map(String.init)
            if let county, CountyCode(county) == nil { throw HTTPError(.badRequest, message: "county 应为 6 位县区代码 (county must be 6 digits)") }
            let open = q["open"].map(String.init)
            guard open == nil || open == "true" || open == "false" else { throw HTTPError(.badRequest, message: "open 应为 true 或 false") }
            var list = try await core.returns.currentWarnings(in: identity.scope, county: county, period: period)
            if open == "true" { list = list.filter(\.awaitsExplanation) }
            return PageResponse.json(JSONValue.object([("returns", .array(list.map(WarningsJSON.encode)))]).serialized())
        }
        api.get("/reports") { request, context in
            let identity = try context.require(.city)
            let report = try await Reports(core: core).render(.report, Reports.Query(request.uri.queryParameters, strict: true), defaultFormat: "xml")
            try await core.audit(identity.user.name, "download", "ok", "api report \(report.name)", address: context.address)
            return PageResponse.download(report.bytes, name: report.name, type: report.type)
        }
        api.get("/notices") { request, context in
            let identity = try context.require(.returns)
            let asOfText = request.uri.queryParameters["as_of"].map(String.init)
            let asOf = try DateParameter.day(asOfText, name: "as_of", strict: true) ?? core.today
            return PageResponse.json(try await Notices(core: core).json(scope: identity.scope, asOf: asOf))
        }
        api.get("/tipoffs") { request, context in
            let identity = try context.require(.returns)
            let asOfText = request.uri.queryParameters["as_of"].map(String.init)
            let asOf = try DateParameter.day(asOfText, name: "as_of", strict: true) ?? core.today
            return PageResponse.json(try await Tipoffs(core: core).json(scope: identity.scope, asOf: asOf))
        }
    }

    /// The media types a return may be sent as, and the file name each implies.
    static let types = [
        "application/zip": "zip", "application/x-zip-compressed": "zip", "application/xml": "xml", "text/xml": "xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    ]

    private func submit(_ request: Request, _ context: PortalContext) async throws -> Response {
        let identity = try context.require(.returns)
        let type =
            (request.headers[.contentType] ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let ext = Self.types[type] else {
            throw HTTPError(
                .unsupportedMediaType,
                message: "Content-Type must be application/zip, application/xml or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        var name = request.uri.queryParameters["filename"].map { Forms.baseName(String($0)) } ?? "upload.\(ext)"
        if !name.lowercased().hasSuffix("." + ext) { name += "." + ext }
        let limit = core.settings.portal.maxUploadMiB * 1_048_576
        let body: [UInt8]
        do {
            body = Array(buffer: try await request.body.collect(upTo: limit))
        } catch {
            throw HTTPError(.contentTooLarge, message: "the body is larger than \(core.settings.portal.maxUploadMiB) MiB")
        }
        let note = request.uri.queryParameters["note"].map(String.init) ?? ""
        let answer = try await core.returns.receive(Upload(name: name, bytes: body, note: note), from: identity.user, address: context.address)
        core.log.upload(
            county: answer.header?.countyCode, period: answer.header?.period.description, outcome: answer.refusal == nil ? answer.code : "refused",
            version: answer.number, user: identity.user.name)
        let findings = JSONValue.array(answer.findings.map(FindingJSON.encode))
        guard let outcome = answer.outcome, let header = answer.header else {
            let status = answer.refusal.map(ErrorMiddleware.status(of:)) ?? .unprocessableContent
            return PageResponse.json(JSONValue.object([("outcome", .string(answer.code)), ("findings", findings)]).serialized(), status: status)
        }
        return PageResponse.json(
            JSONValue.object([
                ("outcome", .string(outcome.rawValue)), ("county_code", .string(header.countyCode)), ("period", .string(header.period.description)),
                ("version", .int(answer.number ?? 0)), ("digest", .string(answer.digest ?? "")), ("state", .string(answer.stateCode)),
                ("to_explain", .int(answer.toExplain)), ("findings", findings),
            ]).serialized(), status: outcome == .unchanged ? .ok : .created)
    }

    private func list(_ request: Request, _ context: PortalContext) async throws -> Response {
        let identity = try context.require(.returns)
        let q = request.uri.queryParameters
        let period = try DateParameter.month(q["period"].map(String.init), name: "period", strict: true)
        let county = q["county"].map(String.init)
        if let county, CountyCode(county) == nil { throw HTTPError(.badRequest, message: "county 应为 6 位县区代码 (county must be 6 digits)") }
        if let county, !identity.scope.contains(county) { throw HTTPError(.forbidden, message: "county \(county) is outside your scope") }
        let data = core.returns.scoped(identity.scope)
        let versions = try await data.versions(county: county, period: period)
        let reviews = try await data.reviews(county: county)
        let months = Dictionary(grouping: versions) { ReviewStatus.Key(countyCode: $0.countyCode, period: $0.period) }
        let items: [JSONValue] = versions.map { v in
            let key = ReviewStatus.Key(countyCode: v.countyCode, period: v.period)
            let month = months[key] ?? [v]
            let status = reviews[key]
            // `latest` is the current version by the core's one rule (latest 报送日期, then the later import).
            let current = month.current?.id == v.id
            let state =
                current
                ? status?.code(ofVersion: v.id) ?? "none"
                : (status?.events.contains { $0.state == .approved && $0.submissionID == v.id } == true ? "approved" : "superseded")
            return .object([
                ("county_code", .string(v.countyCode)), ("county_name", .string(v.countyName)), ("period", .string(v.period.description)),
                ("version", .int(month.number(of: v.id) ?? 0)), ("digest", .string(v.digest)), ("submitted_on", .string(v.submittedOn.description)),
                ("imported_at", .string(v.importedAt)), ("latest", .bool(current)), ("state", .string(state)),
                ("return_reason", .optional(current && state == "returned" ? status?.returnReason : nil)),
                ("institutions", .int(v.institutionCount)), ("inspections", .int(v.inspectionCount)), ("cases", .int(v.caseCount)),
            ])
        }
        return PageResponse.json(JSONValue.object([("submissions", .array(items))]).serialized())
    }

    /// `POST /api/v1/submissions/{county}/{period}/explanations`: explanations of the current
    /// version's plausibility warnings, `{"version": N, "explanations": [{"rule", "key", "text"}]}`.
    private func explain(_ request: Request, _ context: PortalContext) async throws -> Response {
        let identity = try context.require(.returns)
        let county = try PathParameter.county(context)
        let period = try DateParameter.pathMonth(context.parameters.get("period"))
        struct Body: Decodable {
            struct Item: Decodable {
                var rule: String
                var key: String
                var text: String
            }
            var version: Int?
            var explanations: [Item]
        }
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: Data(Array(buffer: try await request.body.collect(upTo: 1_048_576))))
        } catch {
            throw HTTPError(
                .badRequest, message: "the body must be {\"version\": N, \"explanations\": [{\"rule\": \"…\", \"key\": \"…\", \"text\": \"…\"}]}")
        }
        let warnings = try await core.returns.explain(
            body.explanations.map { Explanation(rule: $0.rule, key: $0.key, text: $0.text) }, county: county, period: period,
            version: body.version, by: identity.user, address: context.address)
        return PageResponse.json(WarningsJSON.encode(warnings).serialized())
    }

    private func review(_ request: Request, _ context: PortalContext) async throws -> Response {
        let identity = try context.require(.city)
        let county = try PathParameter.county(context)
        let period = try DateParameter.pathMonth(context.parameters.get("period"))
        struct Body: Decodable {
            var action: String
            var version: Int?
            var reason: String?
        }
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: Data(Array(buffer: try await request.body.collect(upTo: 64 * 1_024))))
        } catch {
            throw HTTPError(.badRequest, message: "the body must be {\"action\": \"approve\"|\"return\", \"version\": N, \"reason\": \"…\"}")
        }
        guard let action = ReviewAction(rawValue: body.action) else { throw HTTPError(.badRequest, message: "action must be approve or return") }
        let status = try await core.returns.review(
            action, county: county, period: period, version: body.version, reason: body.reason ?? "",
            by: identity.user, address: context.address)
        return PageResponse.json(
            JSONValue.object([
                ("county_code", .string(county)), ("period", .string(period.description)), ("state", .string(status.code)),
                ("reason", .optional(status.returnReason)),
            ]).serialized())
    }
}
