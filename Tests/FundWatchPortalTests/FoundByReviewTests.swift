import Foundation
import FundWatchCore
import FundWatchPipeline
import FundWatchReports
import FundWatchReturns
import FundWatchReturnsStore
import FundWatchSQLite
import FundWatchStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FundWatchPortal

/// What a new user's trial and a security review of the portal found (issue 23): one rule
/// for the current version, reviews that name their version, a receipt stored whole or not
/// at all, login attempts counted before the password check, bounded months, a clock the
/// tests set, and the rest of the review's list.
@Suite("Found by the review of the portal")
struct FoundByReviewTests {
    static let march = YearMonth(year: 2026, month: 3)!

    func get(_ client: any TestClientProtocol, _ session: PortalHarness.Session, _ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: [.cookie: session.cookie])
    }

    func form(
        _ client: any TestClientProtocol, _ session: PortalHarness.Session, _ path: String, _ fields: [String: String]
    ) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
            body: PortalHarness.form(fields.merging(["csrf": session.csrf]) { a, _ in a }))
    }

    func upload(
        _ client: any TestClientProtocol, _ session: PortalHarness.Session, name: String, _ bytes: [UInt8], note: String = ""
    ) async throws -> TestResponse {
        var headers = PortalHarness.multipartHeaders
        headers[.cookie] = session.cookie
        return try await client.execute(
            uri: "/counties/990101/uploads", method: .post, headers: headers,
            body: PortalHarness.multipart(file: name, bytes, fields: ["csrf": session.csrf, "note": note]))
    }

    static func dated(_ day: String, prepared: String = "王晓") throws -> [UInt8] {
        try PortalHarness.xml {
            $0.replacingOccurrences(of: "<submitted_on>2026-04-03</submitted_on>", with: "<submitted_on>\(day)</submitted_on>")
                .replacingOccurrences(of: "<prepared_by>王晓</prepared_by>", with: "<prepared_by>\(prepared)</prepared_by>")
        }
    }

    // MARK: The current version

    @Test("an older version imported from the command line is not current anywhere: county page, review, table 6 and API agree")
    func oneRuleForCurrent() async throws {
        let harness = try await PortalHarness()
        let core = harness.core
        try await harness.receive("clerk1")  // 第 1 版, 报送日期 2026-04-03, by the portal
        let older = try Self.dated("2026-04-01", prepared: "王晓(补录)")
        let totals = try await core.pipeline.importSubmissions([.memory(name: "/srv/import/990101-2026-03.xml", bytes: older)], into: harness.store)
        #expect(totals.newVersion == 1)  // 第 2 版, stored, dated earlier
        let versions = try await harness.store.versions(county: "990101", period: Self.march)
        #expect(versions.current?.id == versions[0].id && versions.number(of: versions[0].id) == 1)
        // The report's choice is the same version: table 6 says 待审核 (the portal's event is about it).
        let window = try Window(from: YearMonth(year: 2026, month: 1), to: Self.march)
        let input = try await core.pipeline.reportInput(.store(harness.store), window: window, asOf: Day(iso: "2026-04-30"))
        #expect(input.reviewStates?["990101"] == "待审核")
        let token = try await harness.token("city")
        try await harness.test { client in
            let city = try await harness.login(client, "city")
            let page = try await get(client, city, "/counties/990101")
            #expect(page.text.contains("<td>第 1 版 ★</td>"), "the current version is marked")
            #expect(page.text.contains(#"name="version" value="1""#) && page.text.contains("审核通过第 1 版"))
            #expect(page.text.contains("命令行导入 · 990101-2026-03.xml") && !page.text.contains("/srv/import"), "no server path reaches a page")
            let list = try await client.execute(uri: "/api/v1/submissions?county=990101", method: .get, headers: [.authorization: "Bearer \(token)"])
            let items = (try JSONSerialization.jsonObject(with: Data(list.text.utf8)) as! [String: Any])["submissions"] as! [[String: Any]]
            #expect(items.map { $0["latest"] as? Bool } == [true, false])
            #expect(items.map { $0["state"] as? String } == ["received", "superseded"])
            // Approving the current version is what the report then shows.
            #expect(try await form(client, city, "/counties/990101/2026-03/review", ["action": "approve", "version": "1"]).status == .seeOther)
            #expect(
                try await core.pipeline.reportInput(.store(harness.store), window: window, asOf: Day(iso: "2026-04-30")).reviewStates?["990101"]
                    == "已审核")
        }
    }

    @Test("the portal and the API refuse a new version dated before the current one, naming both dates; nothing is stored")
    func backdatedRefused() async throws {
        let harness = try await PortalHarness()
        try await harness.receive("clerk1")
        let token = try await harness.token("clerk1")
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            let refused = try await upload(client, clerk, name: "3月.xml", try Self.dated("2026-04-02", prepared: "王晓(更正)"))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("portal.backdated") && refused.text.contains("2026-04-02") && refused.text.contains("2026-04-03"))
            let api = try await client.execute(
                uri: "/api/v1/submissions", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/xml"],
                body: ByteBuffer(bytes: try Self.dated("2026-04-02", prepared: "王晓(更正)")))
            #expect(api.status == .unprocessableContent && api.text.contains("portal.backdated"))
            #expect(try await harness.store.versions(county: "990101", period: nil).count == 1)
            // The same day is allowed (the later one wins the tie), a later day too.
            #expect(try await upload(client, clerk, name: "3月.xml", try Self.dated("2026-04-03", prepared: "王晓(同日更正)")).status == .ok)
            let versions = try await harness.store.versions(county: "990101", period: nil)
            #expect(versions.count == 2 && versions.current?.id == versions[1].id)
        }
    }

    @Test("a review names its version: one uploaded after the city opened the page is not the one approved (409, nothing stored)")
    func staleApproval() async throws {
        let harness = try await PortalHarness()
        try await harness.receive("clerk1")
        let cityToken = try await harness.token("city")
        try await harness.test { client in
            let city = try await harness.login(client, "city"), clerk = try await harness.login(client, "clerk1")
            #expect(try await get(client, city, "/counties/990101").text.contains(#"name="version" value="1""#))
            #expect(try await upload(client, clerk, name: "3月.xml", try Self.dated("2026-04-06", prepared: "王晓(二)")).status == .ok)
            let before = try await harness.store.returns.reviewEvents(county: "990101", period: Self.march).count
            let stale = try await form(client, city, "/counties/990101/2026-03/review", ["action": "approve", "version": "1"])
            #expect(stale.status == .conflict && stale.text.contains("第 1 版已不是当前版本"))
            let unnamed = try await form(client, city, "/counties/990101/2026-03/review", ["action": "approve"])
            #expect(unnamed.status == .unprocessableContent)
            let apiStale = try await client.execute(
                uri: "/api/v1/submissions/990101/2026-03/review", method: .post,
                headers: [.authorization: "Bearer \(cityToken)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"action":"approve","version":1}"#))
            #expect(apiStale.status == .conflict)
            #expect(try await harness.store.returns.reviewEvents(county: "990101", period: Self.march).count == before)
            #expect(try await form(client, city, "/counties/990101/2026-03/review", ["action": "approve", "version": "2"]).status == .seeOther)
        }
    }

    // MARK: A receipt is stored whole or not at all

    @Test("when the review event cannot be written, the upload answers an error and stores nothing: no version, upload record or audit line")
    func receiptIsAtomic() async throws {
        let harness = try await PortalHarness()
        let store = try #require(harness.store as? SQLiteStore)
        try await store.write(
            "CREATE TRIGGER refuse_events BEFORE INSERT ON review_events BEGIN SELECT RAISE(ABORT, 'review events refused'); END", [])
        let auditBefore = try await harness.store.returns.auditEntries(since: 0).count
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            let failed = try await upload(client, clerk, name: "3月.xml", try PortalHarness.xml())
            #expect(failed.status.code >= 400 && failed.status != .ok)
            #expect(try await harness.store.versions(county: "990101", period: nil).isEmpty)
            #expect(try await harness.store.returns.uploads(county: "990101").isEmpty)
            let audit = try await harness.store.returns.auditEntries(since: 0)
            #expect(audit.count == auditBefore + 1 && audit.last?.action == "login", "\(audit.map(\.action))")
            // Sent again once the store takes events: new (not `unchanged`), with its event, upload record and audit line.
            try await store.write("DROP TRIGGER refuse_events", [])
            let stored = try await upload(client, clerk, name: "3月.xml", try PortalHarness.xml())
            #expect(stored.status == .ok && stored.text.contains("已接收(新报表)") && stored.text.contains("待审核"))
            let versions = try await harness.store.versions(county: "990101", period: nil)
            let events = try await harness.store.returns.reviewEvents(county: "990101", period: Self.march)
            #expect(versions.count == 1 && events.map(\.submissionID) == [versions[0].id])
            #expect(try await harness.store.returns.uploads(county: "990101").map(\.submissionID) == [versions[0].id])
        }
    }

    @Test(
        "a correction of an approved month that fails to store its review event stores nothing; sent again it is a new version 待审核 with its audit line, never `unchanged` inheriting the approval"
    )
    func failedCorrectionNeverInheritsApproval() async throws {
        let harness = try await PortalHarness()
        let store = try #require(harness.store as? SQLiteStore)
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            #expect(try await upload(client, clerk, name: "3月.xml", try PortalHarness.xml()).status == .ok)
            let city = try await harness.login(client, "city")
            #expect(try await form(client, city, "/counties/990101/2026-03/review", ["action": "approve", "version": "1"]).status == .seeOther)
            try await store.write(
                "CREATE TRIGGER refuse_events BEFORE INSERT ON review_events BEGIN SELECT RAISE(ABORT, 'review events refused'); END", [])
            let correction = try Self.dated("2026-04-20", prepared: "王晓更正")
            let failed = try await upload(client, clerk, name: "3月更正.xml", correction, note: "更正追回金额")
            #expect(failed.status.code >= 400)
            #expect(try await harness.store.versions(county: "990101", period: nil).count == 1)
            try await store.write("DROP TRIGGER refuse_events", [])
            let again = try await upload(client, clerk, name: "3月更正.xml", correction, note: "更正追回金额")
            #expect(again.status == .ok && again.text.contains("已接收(新版本)") && again.text.contains("待审核"), "\(again.text.prefix(400))")
            let versions = try await harness.store.versions(county: "990101", period: nil)
            #expect(versions.count == 2)
            let events = try await harness.store.returns.reviewEvents(county: "990101", period: Self.march)
            #expect(events.last?.state == .received && events.last?.submissionID == versions[1].id)
            let audit = try await harness.store.returns.auditEntries(since: 0).filter { $0.action == "upload" }
            #expect(audit.count == 2 && audit.last?.detail.contains(versions[1].digest) == true)
        }
    }

    @Test("20 uploads of one county-month at once: every stored version has its upload record, 待审核 event and audit line; no refused one is stored")
    func parallelUploads() async throws {
        let harness = try await PortalHarness()
        let core = harness.core
        let clerk = Identity(user: try await core.returns.users.user("clerk1"), credential: .token)
        let answers = try await withThrowingTaskGroup(of: Receipt.self) { group in
            for i in 0..<20 {
                group.addTask {
                    try await core.returns.receive(
                        Upload(name: "v\(i).xml", bytes: try Self.dated("2026-04-\(10 + i)", prepared: "王晓\(i)"), note: ""), from: clerk.user,
                        address: "t")
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let versions = try await harness.store.versions(county: "990101", period: Self.march)
        let events = try await harness.store.returns.reviewEvents(county: "990101", period: Self.march)
        let uploads = try await harness.store.returns.uploads(county: "990101")
        let audit = try await harness.store.returns.auditEntries(since: 0).filter { $0.action == "upload" }
        let accepted = answers.filter { !$0.isRejected }
        #expect(versions.count == accepted.count && !versions.isEmpty)
        #expect(Set(accepted.compactMap { $0.version?.id }) == Set(versions.map(\.id)))
        for v in versions {
            #expect(events.filter { $0.submissionID == v.id && $0.state == .received }.count == 1)
            #expect(uploads.filter { $0.submissionID == v.id }.count == 1)
            #expect(audit.filter { $0.detail.contains(v.digest) }.count == 1)
        }
        #expect(Set(events.map(\.sequence)).count == events.count && events.map(\.sequence).max() == Int64(events.count))
        // Each answer's version number is its own, not a count taken when answering.
        for answer in accepted { #expect(answer.number == versions.number(of: answer.version!.id)) }
        #expect(uploads.count == 20 && audit.count == 20)
    }

    // MARK: Login attempts

    @Test("a burst of simultaneous logins gets at most lock_after_failures password checks; the rest are 429, a right password among them too")
    func lockoutUnderConcurrency() async throws {
        let harness = try await PortalHarness()
        try await harness.test { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for i in 0..<40 {
                    let password = i == 30 ? PortalHarness.password : "wrong password \(i)"
                    group.addTask {
                        try await client.execute(
                            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                            body: PortalHarness.form(["name": "clerk1", "password": password])
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let checked = statuses.filter { $0 == .unauthorized || $0 == .seeOther }.count
            #expect(checked <= 5, "\(checked) password checks in one burst")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 40 - checked)
        }
    }

    // MARK: Months, the clock, names

    @Test("no month a user can send stops the server: routes answer 4xx or their page, and a far-out stored return still shows")
    func monthFuzz() async throws {
        let harness = try await PortalHarness()
        try await harness.receive("clerk1")
        // A return for 9999-12 imported on the command line (import may load any history).
        let far = try PortalHarness.xml {
            $0.replacingOccurrences(of: "2026-", with: "9999-").replacingOccurrences(of: "<period>9999-03</period>", with: "<period>9999-12</period>")
                .replacingOccurrences(of: "9999-04-03", with: "9999-12-31")
        }
        let imported = try await harness.core.pipeline.importSubmissions([.memory(name: "far.xml", bytes: far)], into: harness.store)
        #expect(imported.new == 1)
        let values = [
            "9999-12", "0001-01", "0000-00", "10000-01", "2026-13", "-2026-1", "2026-1", "", "abcd-ef", "2026-03-01",
            String(repeating: "9", count: 300),
            "9999-12-31", "0001-01-01", "2100-12", "1999-12",
        ]
        let cityToken = try await harness.token("city")
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1"), city = try await harness.login(client, "city"),
                admin = try await harness.login(client, "admin")
            for v in values {
                let q = v.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? v
                let gets: [(PortalHarness.Session?, String)] = [
                    (clerk, "/counties/990101/template.xlsx?period=\(q)"), (clerk, "/counties/990101/figures?to=\(q)"),
                    (clerk, "/counties/990101/figures/designated?to=\(q)"), (city, "/figures/designated?to=\(q)"),
                    (city, "/reports/download?to=\(q)&format=xml"), (city, "/reports/download?from=\(q)&to=2026-03&format=xml"),
                    (city, "/reports/download?to=2026-03&as_of=\(q)&format=xml"), (city, "/reports/bulletin?period=\(q)&format=txt"),
                    (city, "/reports/bulletin?month=\(q)&format=txt"),
                    (city, "/reports/timeliness?to=\(q)&format=csv"), (city, "/reports/notices?as_of=\(q)&format=csv"),
                    (city, "/reports/evaluation?from=\(q)&to=\(q)&format=csv"), (city, "/dashboard?year=\(q)"), (admin, "/admin/audit?since=\(q)"),
                    (nil, "/api/v1/submissions?period=\(q)"), (nil, "/api/v1/notices?as_of=\(q)"), (nil, "/api/v1/reports?to=\(q)"),
                ]
                for (session, path) in gets {
                    let headers: HTTPFields = session.map { [.cookie: $0.cookie] } ?? [.authorization: "Bearer \(cityToken)"]
                    let r = try await client.execute(uri: path, method: .get, headers: headers)
                    #expect([200, 400, 404, 422].contains(Int(r.status.code)), "\(path): \(r.status)")
                }
                let review = try await form(client, city, "/counties/990101/\(q)/review", ["action": "approve", "version": "1"])
                #expect([303, 404, 409].contains(Int(review.status.code)), "review \(v): \(review.status)")
            }
            #expect(try await get(client, clerk, "/counties/990101").status == .ok, "the page of a county holding a 9999-12 return")
            #expect(try await get(client, city, "/dashboard").status == .ok)
            // A return dated past next month is refused at the door.
            let refused = try await upload(client, clerk, name: "far.xml", far)
            #expect(refused.status == .unprocessableContent && refused.text.contains("portal.period_range"))
        }
    }

    @Test(
        "the deadline on the county page on each day: 距截止 N 天, 今天截止, 已逾期 N 天, 已报送",
        arguments: [
            ("2026-04-01", "距截止还有 4 天", false), ("2026-04-05", "今天截止", false), ("2026-04-08", "已逾期 3 天", false), ("2026-04-08", "已报送", true),
        ])
    func deadlineWording(_ day: String, _ wording: String, _ sent: Bool) async throws {
        let harness = try await PortalHarness()
        harness.clock.set(day: day)
        if sent { try await harness.receive("clerk1") }
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            let page = try await get(client, clerk, "/counties/990101")
            #expect(page.text.contains("<strong>2026-03</strong> 月报截止日期:2026-04-05"))
            #expect(page.text.contains(wording), "\(day)")
        }
    }

    @Test("pages name a county as the city registered it ([counties]); a code not registered shows 未登记名称")
    func registeredNames() async throws {
        var settings = Settings()
        settings.counties = CountyNames(["990101": "示例区(登记)"])
        let harness = try await PortalHarness(settings: settings)
        try await harness.receive("clerk1")
        try await harness.receive("clerk2", county: "990102")
        try await harness.test { client in
            let city = try await harness.login(client, "city")
            let dashboard = try await get(client, city, "/dashboard?year=2026")
            #expect(dashboard.text.contains("示例区(登记)") && dashboard.text.contains("未登记名称"))
            #expect(try await get(client, city, "/counties/990101").text.contains("<h1>示例区(登记)(990101)数据报送</h1>"))
            #expect(try await get(client, city, "/figures/designated?to=2026-03").text.contains("示例区(登记)"))
        }
    }

    // MARK: Sessions, tokens, the audit log, the API

    @Test("the JSON API takes bearer tokens only: a session cookie is 401 there, even with a CSRF token")
    func apiNeedsBearer() async throws {
        let harness = try await PortalHarness()
        try await harness.receive("clerk1")
        try await harness.test { client in
            let city = try await harness.login(client, "city")
            let list = try await client.execute(uri: "/api/v1/submissions", method: .get, headers: [.cookie: city.cookie])
            #expect(list.status == .unauthorized)
            let review = try await client.execute(
                uri: "/api/v1/submissions/990101/2026-03/review", method: .post,
                headers: [.cookie: city.cookie, .contentType: "application/json", .origin: "http://localhost"],
                body: ByteBuffer(string: #"{"action":"approve","version":1,"csrf":"\#(city.csrf)"}"#))
            #expect(review.status == .unauthorized)
            #expect(try await harness.store.returns.reviewEvents(county: "990101", period: Self.march).count == 1)
        }
    }

    @Test("resetting a password ends sessions and revokes API tokens; a login clears expired sessions away")
    func resetAndPurge() async throws {
        let harness = try await PortalHarness()
        let core = harness.core
        let token = try await harness.token("clerk1")
        let clerk = try await core.returns.users.user("clerk1")
        try await harness.store.returns.createSession(
            PortalSession(
                tokenHash: Secrets.hash("old"), userID: clerk.id, csrf: "x",
                createdAt: core.now() - 13 * 3_600, lastSeen: core.now() - 13 * 3_600, address: "t"))
        try await harness.test { client in
            #expect(try await client.execute(uri: "/api/v1/submissions", method: .get, headers: [.authorization: "Bearer \(token)"]).status == .ok)
            _ = try await harness.login(client, "city")
            #expect(try await harness.store.returns.session(tokenHash: Secrets.hash("old")) == nil, "the expired session was purged at a login")
            try await core.returns.users.resetPassword(clerk, to: "a new password 1", actor: "admin", address: "t")
            #expect(
                try await client.execute(uri: "/api/v1/submissions", method: .get, headers: [.authorization: "Bearer \(token)"]).status
                    == .unauthorized)
        }
    }

    @Test("an administrator's audit page shows logins, users and tokens, but no county data")
    func adminAuditWithoutCountyData() async throws {
        let harness = try await PortalHarness()
        try await harness.receive("clerk1")
        let digest = try #require(try await harness.store.versions(county: nil, period: nil).first?.digest)
        try await harness.test { client in
            let admin = try await harness.login(client, "admin")
            let page = try await get(client, admin, "/admin/audit?since=2000-01-01")
            #expect(page.status == .ok)
            #expect(page.text.contains("user.add") && page.text.contains("县区数据,管理员不可见"))
            #expect(!page.text.contains(digest.prefix(16)) && !page.text.contains("990101.xml"))
        }
    }

    @Test("the client's address is the trusted proxy's X-Forwarded-For, never a header from anyone else")
    func clientAddress() {
        #expect(AccessMiddleware.clientAddress(peer: "127.0.0.1", forwardedFor: ["1.1.1.1, 10.0.0.7"], trustedProxy: "127.0.0.1") == "10.0.0.7")
        #expect(AccessMiddleware.clientAddress(peer: "10.0.0.9", forwardedFor: ["10.0.0.7"], trustedProxy: "127.0.0.1") == "10.0.0.9")
        #expect(AccessMiddleware.clientAddress(peer: "127.0.0.1", forwardedFor: ["10.0.0.7"], trustedProxy: nil) == "127.0.0.1")
        #expect(AccessMiddleware.clientAddress(peer: "127.0.0.1", forwardedFor: ["<script>"], trustedProxy: "127.0.0.1") == "127.0.0.1")
        #expect(AccessMiddleware.clientAddress(peer: "127.0.0.1", forwardedFor: [], trustedProxy: "127.0.0.1") == "127.0.0.1")
        #expect(PortalSettings.SecureCookies.always.secure(onLoopback: true))
        #expect(!PortalSettings.SecureCookies.auto.secure(onLoopback: true) && PortalSettings.SecureCookies.auto.secure(onLoopback: false))
        #expect(!PortalSettings.SecureCookies.never.secure(onLoopback: false))
    }

    @Test("the 审核报告 CSV quotes a file name with line breaks whole: no formula alone in a cell")
    func findingsCSVCells() async throws {
        let harness = try await PortalHarness()
        let clerk = Identity(user: try await harness.core.returns.users.user("clerk1"), credential: .token)
        let answer = try await harness.core.returns.receive(
            Upload(name: "x\n=1+1\ny.zip", bytes: Array("not a zip".utf8), note: ""), from: clerk.user, address: "t")
        let record = try #require(try await harness.store.returns.upload(id: answer.uploadID))
        let csv = String(decoding: FindingRow.csv(FindingRow.decode(record.findingsJSON)), as: UTF8.self)
        #expect(csv.contains("\"x\n=1+1\ny.zip\""), "\(csv)")
        #expect(!csv.contains("\n=1+1\n,") && !csv.contains(",=1+1"))
    }
}
