import Foundation
import FundWatchCore
import FundWatchReturns
import FundWatchReturnsStore
import FundWatchStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FundWatchPortal

/// Who calls, in the access matrix.
enum Caller: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case ownCounty, otherCounty, city, admin, anonymous, expiredSession, revokedToken
    var testDescription: String { rawValue }
}

/// One route of the matrix: how to call it and what each caller gets.
struct RouteCase: Sendable, CustomTestStringConvertible {
    var method: HTTPRequest.Method
    var path: String
    var api: Bool
    var body: Body
    var expected: [Caller: Int]
    var testDescription: String { "\(method) \(path)" }

    enum Body: Sendable {
        case none, upload
        case form([String: String])
        case json(String)
        case apiUpload
    }
}

/// Every route × every kind of caller, each on a fresh portal holding a return of 990101
/// (the resource) and one of 990102; pages use session cookies, the API bearer tokens.
@Suite("Access control, route by route")
struct AccessMatrixTests {
    static let pageDenied = 303  // to the login page
    static let routes: [RouteCase] = {
        let own = Caller.ownCounty, other = Caller.otherCounty, city = Caller.city, admin = Caller.admin
        let anon = Caller.anonymous, expired = Caller.expiredSession, revoked = Caller.revokedToken
        func page(
            _ m: HTTPRequest.Method, _ p: String, _ body: RouteCase.Body = .none, own o: Int, other x: Int, city c: Int, admin a: Int
        ) -> RouteCase {
            RouteCase(
                method: m, path: p, api: false, body: body,
                expected: [own: o, other: x, city: c, admin: a, anon: pageDenied, expired: pageDenied, revoked: pageDenied])
        }
        func api(
            _ m: HTTPRequest.Method, _ p: String, _ body: RouteCase.Body = .none, own o: Int, other x: Int, city c: Int, admin a: Int
        ) -> RouteCase {
            RouteCase(
                method: m, path: p, api: true, body: body, expected: [own: o, other: x, city: c, admin: a, anon: 401, expired: 401, revoked: 401])
        }
        return [
            page(.get, "/counties/990101", own: 200, other: 403, city: 200, admin: 403),
            page(.post, "/counties/990101/uploads", .upload, own: 200, other: 403, city: 200, admin: 403),
            page(.get, "/uploads/1", own: 200, other: 404, city: 200, admin: 403),
            page(.get, "/uploads/1/findings.csv", own: 200, other: 404, city: 200, admin: 403),
            page(
                .post, "/counties/990101/2026-03/review", .form(["action": "return", "version": "1", "reason": "金额有误"]), own: 403, other: 403,
                city: 303, admin: 403),
            page(.get, "/dashboard", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/warnings", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/warnings?period=2026-03&open=true&format=csv", own: 403, other: 403, city: 200, admin: 403),
            // A warning the version does not have: refused as invalid (422), after the scope check.
            page(
                .post, "/counties/990101/2026-03/explanations",
                .form(["version": "1", "rule.0": "plausibility.row.missing", "key.0": "2026-999", "text.0": "说明"]), own: 422, other: 403,
                city: 422, admin: 403),
            page(.get, "/counties/990101/figures?to=2026-03", own: 200, other: 403, city: 200, admin: 403),
            page(.get, "/counties/990101/figures/amount_involved?to=2026-03", own: 200, other: 403, city: 200, admin: 403),
            page(.get, "/figures/amount_involved?to=2026-03", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/reports", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/reports/download?from=2026-01&to=2026-03&format=csv", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/reports/notices?as_of=2026-04-30&format=csv", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/reports/tipoffs?as_of=2026-04-30&format=csv", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/reports/timeliness?to=2026-03", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/reports/evaluation?from=2026-01&to=2026-03&format=xml", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/reports/bulletin?period=2026-03&format=txt", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/reports/revisions?to=2026-03&format=json", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/counties/990101/notice?case=2026-002&as_of=2026-04-30", own: 200, other: 403, city: 200, admin: 403),
            page(.get, "/counties/990101/template.xlsx?period=2026-04", own: 200, other: 403, city: 200, admin: 403),
            page(.get, "/reports/download?from=2026-01&to=2026-03&format=xlsx", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/draws", own: 403, other: 403, city: 200, admin: 403),
            page(.post, "/draws", .form(["period": "2026-03", "seed": "s"]), own: 403, other: 403, city: 400, admin: 403),
            page(.get, "/draws/1/draw-public.csv", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/draws/1/draw-plan.xml", own: 403, other: 403, city: 200, admin: 403),
            page(.get, "/draws/1/results?to=2026-03", own: 403, other: 403, city: 200, admin: 403),
            page(.post, "/draws/1/publish", .form([:]), own: 403, other: 403, city: 303, admin: 403),
            page(.get, "/counties/990101/draws", own: 200, other: 403, city: 200, admin: 403),
            page(.get, "/admin/users", own: 403, other: 403, city: 403, admin: 200),
            page(
                .post, "/admin/users", .form(["name": "new1", "role": "city", "password": "0123456789ab"]), own: 403, other: 403, city: 403,
                admin: 303),
            page(.post, "/admin/users/1/disable", .form([:]), own: 403, other: 403, city: 403, admin: 303),
            page(.get, "/admin/audit", own: 403, other: 403, city: 403, admin: 200),
            api(.post, "/api/v1/submissions?filename=x.xml", .apiUpload, own: 200, other: 403, city: 200, admin: 403),
            api(.get, "/api/v1/submissions", own: 200, other: 200, city: 200, admin: 403),
            api(.get, "/api/v1/submissions?county=990101", own: 200, other: 403, city: 200, admin: 403),
            api(
                .post, "/api/v1/submissions/990101/2026-03/review", .json(#"{"action":"return","version":1,"reason":"金额有误"}"#), own: 403, other: 403,
                city: 200, admin: 403),
            api(.get, "/api/v1/reports?from=2026-01&to=2026-03&format=xml", own: 403, other: 403, city: 200, admin: 403),
            api(.get, "/api/v1/warnings", own: 200, other: 200, city: 200, admin: 403),
            api(.get, "/api/v1/warnings?county=990101&open=true", own: 200, other: 403, city: 200, admin: 403),
            api(
                .post, "/api/v1/submissions/990101/2026-03/explanations",
                .json(#"{"version":1,"explanations":[{"rule":"plausibility.row.missing","key":"2026-999","text":"说明"}]}"#), own: 422,
                other: 403, city: 422, admin: 403),
            api(.get, "/api/v1/notices?as_of=2026-04-30", own: 200, other: 200, city: 200, admin: 403),
            api(.get, "/api/v1/tipoffs?as_of=2026-04-30", own: 200, other: 200, city: 200, admin: 403),
        ]
    }()

    @Test("status per caller", arguments: routes)
    func matrix(route: RouteCase) async throws {
        let harness = try await PortalHarness()
        let core = harness.core
        // The resource: a return of 990101 sent by its clerk (upload #1), and one of 990102.
        let clerk1 = try await core.returns.users.user("clerk1"), clerk2 = try await core.returns.users.user("clerk2")
        let uploads = core.returns
        _ = try await uploads.receive(Upload(name: "990101.xml", bytes: try PortalHarness.xml(), note: ""), from: clerk1, address: "t")
        _ = try await uploads.receive(
            Upload(name: "990102.xml", bytes: try PortalHarness.xml(county: "990102"), note: ""), from: clerk2, address: "t")
        let digests = Dictionary(
            try await harness.store.versions(county: nil, period: nil).map { ($0.countyCode, $0.digest) }, uniquingKeysWith: { a, _ in a })
        #expect(digests.count == 2)
        try await harness.storedDraw(published: true)
        // An expired session of clerk1 (idle 31 minutes) and a revoked token of clerk1.
        let expiredToken = "expired-session-token"
        try await harness.store.returns.createSession(
            PortalSession(
                tokenHash: Secrets.hash(expiredToken), userID: clerk1.id, csrf: "x",
                createdAt: core.now() - 3_600, lastSeen: core.now() - 31 * 60, address: "t"))
        let revoked = try await harness.token("clerk1")
        _ = try await harness.store.returns.revokeTokens(of: clerk1.id, at: core.now())

        try await harness.test { client in
            for caller in Caller.allCases {
                var headers: HTTPFields = [:]
                var csrf = ""
                let name: String? =
                    switch caller {
                    case .ownCounty: "clerk1"
                    case .otherCounty: "clerk2"
                    case .city: "city"
                    case .admin: "admin"
                    default: nil
                    }
                switch caller {
                case .anonymous: break
                case .expiredSession: headers[.cookie] = "fw_session=\(expiredToken)"
                case .revokedToken: headers[.authorization] = "Bearer \(revoked)"
                default:
                    if route.api {
                        headers[.authorization] = "Bearer \(try await harness.token(name!))"
                    } else {
                        let session = try await harness.login(client, name!)
                        headers[.cookie] = session.cookie
                        csrf = session.csrf
                    }
                }
                var body: ByteBuffer?
                switch route.body {
                case .none: break
                case .upload:
                    headers[.contentType] = "multipart/form-data; boundary=\(PortalHarness.boundary)"
                    body = PortalHarness.multipart(file: "990101.xml", try PortalHarness.xml(), fields: ["csrf": csrf, "note": ""])
                case .form(let fields):
                    headers[.contentType] = "application/x-www-form-urlencoded"
                    body = PortalHarness.form(fields.merging(["csrf": csrf]) { a, _ in a })
                case .json(let text):
                    headers[.contentType] = "application/json"
                    body = ByteBuffer(string: text)
                case .apiUpload:
                    headers[.contentType] = "application/xml"
                    body = ByteBuffer(bytes: try PortalHarness.xml())
                }
                let response = try await client.execute(uri: route.path, method: route.method, headers: headers, body: body)
                #expect(
                    Int(response.status.code) == route.expected[caller],
                    "\(caller) on \(route.method) \(route.path): \(response.status) \(response.text.prefix(200))")
                if Int(response.status.code) == Self.pageDenied, !route.api, route.expected[caller] == Self.pageDenied, caller != .city,
                    caller != .admin
                {
                    #expect(response.headers[.location] == "/login")
                }
                // Whatever a county caller gets never holds the other county's rows (its institution
                // codes, H99010100001…, or its stored digest); echoing the code the caller itself sent is not data.
                if caller == .otherCounty {
                    #expect(
                        !response.text.contains("99010100") && !response.text.contains(digests["990101"]!),
                        "990102's clerk saw 990101's data on \(route.path)")
                }
                if caller == .ownCounty {
                    #expect(
                        !response.text.contains("99010200") && !response.text.contains(digests["990102"]!),
                        "990101's clerk saw 990102's data on \(route.path)")
                }
                // The reporter of a case never appears.
                #expect(!response.text.contains("13800000000") && !response.text.contains("张某某"))
            }
        }
    }
}
