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

@Suite("Portal security")
struct SecurityTests {
    func login(_ client: any TestClientProtocol, _ name: String, _ password: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: PortalHarness.form(["name": name, "password": password]))
    }

    @Test("5 failures in 15 minutes lock an account for 15 minutes (429), unknown names alike; then it opens again")
    func throttling() async throws {
        let harness = try await PortalHarness()
        try await harness.test { client in
            for _ in 0..<5 { #expect(try await login(client, "clerk1", "wrong password!").status == .unauthorized) }
            let locked = try await login(client, "clerk1", PortalHarness.password)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("锁定"))
            for _ in 0..<5 { #expect(try await login(client, "nobody", "wrong password!").status == .unauthorized) }
            #expect(try await login(client, "nobody", "wrong password!").status == .tooManyRequests)
            harness.clock.advance(minutes: 16)
            #expect(try await login(client, "clerk1", PortalHarness.password).status == .seeOther)
        }
    }

    @Test("too many failures from one address get 429 for every name")
    func addressLimit() async throws {
        var settings = Settings()
        settings.portal.addressFailureLimit = 6
        let harness = try await PortalHarness(settings: settings)
        try await harness.test { client in
            for i in 0..<6 { _ = try await login(client, "user\(i)", "wrong password!") }
            #expect(try await login(client, "city", PortalHarness.password).status == .tooManyRequests)
        }
    }

    @Test("cookies: HttpOnly, SameSite=Strict, Secure unless plain HTTP on loopback; a new id at every login")
    func cookies() async throws {
        let secure = try await PortalHarness(secureCookies: true)
        try await secure.test { client in
            let response = try await login(client, "city", PortalHarness.password)
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"))
        }
        let plain = try await PortalHarness(secureCookies: false)
        try await plain.test { client in
            let a = try await plain.login(client, "city"), b = try await plain.login(client, "city")
            #expect(a.cookie != b.cookie)
            let response = try await login(client, "city", PortalHarness.password)
            #expect(response.headers[.setCookie]?.contains("Secure") == false)
        }
    }

    @Test("sessions end after 30 idle minutes and 12 hours in all; logout and disabling end them at once")
    func sessionLifetime() async throws {
        let harness = try await PortalHarness()
        try await harness.test { client in
            let s = try await harness.login(client, "city")
            harness.clock.advance(minutes: 29)
            #expect(try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: s.cookie]).status == .ok)
            harness.clock.advance(minutes: 31)
            #expect(try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: s.cookie]).status == .seeOther)

            let active = try await harness.login(client, "city")
            for _ in 0..<36 {  // 12 hours of a request every 20 minutes
                harness.clock.advance(minutes: 20)
                _ = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: active.cookie])
            }
            harness.clock.advance(minutes: 1)
            #expect(try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: active.cookie]).status == .seeOther)

            let out = try await harness.login(client, "city")
            let logout = try await client.execute(
                uri: "/logout", method: .post, headers: [.cookie: out.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: PortalHarness.form(["csrf": out.csrf]))
            #expect(logout.status == .seeOther)
            #expect(try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: out.cookie]).status == .seeOther)

            let clerk = try await harness.login(client, "clerk1")
            let token = try await harness.token("clerk1")
            let admin = harness.core.returns.users
            try await admin.disable(try await admin.user("clerk1"), actor: "test", address: "t")
            #expect(try await client.execute(uri: "/counties/990101", method: .get, headers: [.cookie: clerk.cookie]).status == .seeOther)
            #expect(
                try await client.execute(uri: "/api/v1/submissions", method: .get, headers: [.authorization: "Bearer \(token)"]).status
                    == .unauthorized)
            #expect(try await login(client, "clerk1", PortalHarness.password).status == .unauthorized)
        }
    }

    @Test("state changes need the session's CSRF token and a same-origin request")
    func csrf() async throws {
        let harness = try await PortalHarness()
        try await harness.test { client in
            let s = try await harness.login(client, "admin")
            let noToken = try await client.execute(
                uri: "/admin/users", method: .post, headers: [.cookie: s.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: PortalHarness.form(["name": "x1", "role": "city", "password": "0123456789ab"]))
            #expect(noToken.status == .forbidden)
            let crossSite = try await client.execute(
                uri: "/admin/users", method: .post,
                headers: [
                    .cookie: s.cookie, .contentType: "application/x-www-form-urlencoded", .origin: "https://evil.example",
                    HTTPField.Name("Sec-Fetch-Site")!: "cross-site",
                ],
                body: PortalHarness.form(["name": "x2", "role": "city", "password": "0123456789ab", "csrf": s.csrf]))
            #expect(crossSite.status == .forbidden)
            #expect(try await harness.store.returns.user(named: "x1") == nil)
            #expect(try await harness.store.returns.user(named: "x2") == nil)
            let ok = try await client.execute(
                uri: "/admin/users", method: .post, headers: [.cookie: s.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: PortalHarness.form(["name": "x3", "role": "city", "password": "0123456789ab", "csrf": s.csrf]))
            #expect(ok.status == .seeOther)
        }
    }

    @Test("every answer carries a strict CSP, nosniff and no framing")
    func headers() async throws {
        let harness = try await PortalHarness()
        try await harness.test { client in
            for path in ["/login", "/dashboard", "/static/portal.css", "/api/v1/submissions", "/nowhere"] {
                let r = try await client.execute(uri: path, method: .get)
                #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, "\(path)")
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
                #expect(r.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            }
        }
    }

    @Test("data is escaped on every page: a county named <script> shows as text")
    func escaping() async throws {
        let harness = try await PortalHarness()
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            let hostile = try PortalHarness.xml {
                $0.replacingOccurrences(
                    of: "<county_name>示例区</county_name>", with: "<county_name>&lt;script&gt;alert(1)&lt;/script&gt;</county_name>"
                )
                .replacingOccurrences(of: "<name>示例区人民医院</name>", with: "<name>&lt;img src=x onerror=alert(1)&gt;</name>")
            }
            var headers = PortalHarness.multipartHeaders
            headers[.cookie] = clerk.cookie
            let r = try await client.execute(
                uri: "/counties/990101/uploads", method: .post, headers: headers,
                body: PortalHarness.multipart(file: "<b>x</b>.xml", hostile, fields: ["csrf": clerk.csrf]))
            #expect(r.status == .ok)
            #expect(!r.text.contains("<script>") && !r.text.contains("<b>x</b>"))
            #expect(r.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the clerk's own upload shows what the file says, escaped")
            let page = try await client.execute(uri: "/counties/990101", method: .get, headers: [.cookie: clerk.cookie])
            #expect(!page.text.contains("<script>") && !page.text.contains("<img"))
            // The county page names the county as the city registered it, never as its return calls itself.
            #expect(!page.text.contains("&lt;script&gt;alert(1)") && page.text.contains("未登记名称(990101)"))
            let rows = try await client.execute(uri: "/counties/990101/figures/designated?to=2026-03", method: .get, headers: [.cookie: clerk.cookie])
            #expect(rows.text.contains("&lt;img src=x onerror=alert(1)&gt;") && !rows.text.contains("<img"))
            let city = try await harness.login(client, "city")
            let dashboard = try await client.execute(uri: "/dashboard?year=2026", method: .get, headers: [.cookie: city.cookie])
            #expect(!dashboard.text.contains("<script>"))
        }
    }

    @Test("an upload above the limit is 413; file names in Content-Disposition are encoded")
    func limits() async throws {
        var settings = Settings()
        settings.portal.maxUploadMiB = 1
        let harness = try await PortalHarness(settings: settings)
        try await harness.test { client in
            let token = try await harness.token("clerk1")
            let big = try await client.execute(
                uri: "/api/v1/submissions", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/xml"],
                body: ByteBuffer(bytes: [UInt8](repeating: 0x20, count: 1_100_000)))
            #expect(big.status == .contentTooLarge)
        }
        #expect(
            PageResponse.contentDisposition("报表\"; x=1.zip")
                == "attachment; filename=\"____ x=1.zip\"; filename*=UTF-8''%E6%8A%A5%E8%A1%A8%22%3B%20x%3D1.zip")
    }
}
