import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchPipeline
import FundWatchReports
import FundWatchReturns
import FundWatchReturnsStore
import FundWatchStore
import FundWatchTestSupport
import FundWatchZip
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FundWatchPortal

/// Upload → 审核报告 → return with a reason → re-send → approve → lock, through the pages and the API.
@Suite("Returns through the portal")
struct ReturnFlowTests {
    func upload(
        _ client: any TestClientProtocol, _ session: PortalHarness.Session, county: String = "990101", name: String,
        _ bytes: [UInt8], note: String = ""
    ) async throws -> TestResponse {
        var headers = PortalHarness.multipartHeaders
        headers[.cookie] = session.cookie
        return try await client.execute(
            uri: "/counties/\(county)/uploads", method: .post, headers: headers,
            body: PortalHarness.multipart(file: name, bytes, fields: ["csrf": session.csrf, "note": note]))
    }

    func form(
        _ client: any TestClientProtocol, _ session: PortalHarness.Session, _ path: String, _ fields: [String: String]
    ) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
            body: PortalHarness.form(fields.merging(["csrf": session.csrf]) { a, _ in a }))
    }

    func get(_ client: any TestClientProtocol, _ session: PortalHarness.Session, _ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: [.cookie: session.cookie])
    }

    @Test("a broken return is refused with its line; the corrected one is 待审核; returned with a reason; re-sent; approved and locked")
    func fullCycle() async throws {
        let harness = try await PortalHarness()
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            // A broken date on one inspection: refused, nothing stored, the finding names file, line and rule.
            let broken = try PortalHarness.xml {
                $0.replacingOccurrences(of: "<inspected_on>2026-01-15</inspected_on>", with: "<inspected_on>2026-13-15</inspected_on>")
            }
            let refused = try await upload(client, clerk, name: "990101-2026-03.xml", broken)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("未通过校验,未保存"))
            #expect(refused.text.contains("inspected_on"))
            let line = String(decoding: broken, as: UTF8.self).components(separatedBy: "\n").firstIndex { $0.contains("2026-13-15") }! + 1
            #expect(refused.text.contains("<td>\(line)</td>"), "the finding names line \(line)")
            #expect(try await harness.store.versions(county: "990101", period: nil).isEmpty)
            // The 审核报告 downloads as CSV with the same finding.
            let uploads = try await harness.store.returns.uploads(county: "990101")
            #expect(uploads.map(\.outcome) == ["rejected"])
            let csv = try await get(client, clerk, "/uploads/\(uploads[0].id)/findings.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentDisposition]?.contains("filename*=UTF-8''") == true)
            #expect(csv.text.contains(",\(line),检查日期 inspected_on,inspections.inspected_on.format,日期格式错误:检查日期"), "\(csv.text)")
            // The page names the field as the clerk knows it, its key in small type, and says what is expected in Chinese first.
            #expect(refused.text.contains(#"<td>检查日期 <small class="key">inspected_on</small></td>"#))
            #expect(refused.text.contains("日期,格式为 年-月-日"))

            // The corrected return: accepted, 待审核.
            let accepted = try await upload(client, clerk, name: "990101-2026-03.xml", try PortalHarness.xml())
            #expect(accepted.status == .ok)
            #expect(accepted.text.contains("已接收(新报表)"))
            #expect(accepted.text.contains("待审核"))

            // The city returns it with a reason; the clerk sees the reason.
            let city = try await harness.login(client, "city")
            let returned = try await form(
                client, city, "/counties/990101/2026-03/review", ["action": "return", "version": "1", "reason": "案件追回金额与凭证不符"])
            #expect(returned.status == .seeOther)
            let page = try await get(client, clerk, "/counties/990101")
            #expect(page.text.contains("已退回:2026-03 月报"))
            #expect(page.text.contains("案件追回金额与凭证不符"))

            // Re-sent with one case changed: a new version, what changed, 待审核 again.
            let corrected = try PortalHarness.xml {
                $0.replacingOccurrences(of: "<submitted_on>2026-04-03</submitted_on>", with: "<submitted_on>2026-04-08</submitted_on>")
                    .replacingOccurrences(of: "<prepared_by>王晓</prepared_by>", with: "<prepared_by>王晓(更正)</prepared_by>")
            }
            let resent = try await upload(client, clerk, name: "990101-2026-03.xml", corrected)
            #expect(resent.status == .ok)
            #expect(resent.text.contains("已接收(新版本)"))
            #expect(resent.text.contains("与上一版相比"))
            #expect(try await harness.store.versions(county: "990101", period: nil).count == 2)
            #expect(!(try await get(client, clerk, "/counties/990101")).text.contains("已退回:2026-03"))

            // Approved: the month is locked; a new version without a note is refused (409), with one it goes back to 待审核.
            #expect(try await form(client, city, "/counties/990101/2026-03/review", ["action": "approve", "version": "2"]).status == .seeOther)
            let locked = try await get(client, clerk, "/counties/990101")
            #expect(locked.text.contains("已审核"))
            #expect(locked.text.contains("锁定"))
            let third = try PortalHarness.xml {
                $0.replacingOccurrences(of: "<submitted_on>2026-04-03</submitted_on>", with: "<submitted_on>2026-04-20</submitted_on>")
            }
            let refusedLocked = try await upload(client, clerk, name: "990101-2026-03.xml", third)
            #expect(refusedLocked.status == .conflict)
            #expect(refusedLocked.text.contains("portal.locked"))
            let withNote = try await upload(client, clerk, name: "990101-2026-03.xml", third, note: "更正第2号案件的结案日期")
            #expect(withNote.status == .ok)
            let events = try await harness.store.returns.reviewEvents(county: "990101", period: YearMonth(year: 2026, month: 3))
            #expect(events.map(\.state) == [.received, .returned, .received, .approved, .received])
            #expect(events.last?.reason == "更正第2号案件的结案日期")

            // The audit log holds every step.
            let actions = try await harness.store.returns.auditEntries(since: 0).map { "\($0.action):\($0.outcome)" }
            for expected in ["upload:rejected", "upload:new", "review:return", "upload:new_version", "review:approve", "download:ok", "login:ok"] {
                #expect(actions.contains(expected), "audit has \(expected)")
            }
        }
    }

    @Test("every table 1 figure links to the rows that make it, for the county and the city")
    func drillDown() async throws {
        let harness = try await PortalHarness()
        try await harness.receive("clerk1")
        try await harness.test { client in
            let own = try await harness.login(client, "clerk1")
            let figures = try await get(client, own, "/counties/990101/figures?to=2026-03")
            #expect(figures.text.contains("/counties/990101/figures/handled_cases?to=2026-03"))
            let cases = try await get(client, own, "/counties/990101/figures/handled_cases?to=2026-03")
            #expect(cases.text.contains("案件(4 件)"))
            let inspected = try await get(client, own, "/counties/990101/figures/inspected?to=2026-03")
            #expect(inspected.text.contains("机构(3 家)"))
            #expect(!cases.text.contains("13800000000"))
            let city = try await harness.login(client, "city")
            let dashboard = try await get(client, city, "/dashboard?year=2026")
            #expect(dashboard.text.contains("/figures/amount_involved?to=2026-03"))
            let across = try await get(client, city, "/figures/handled_cases?to=2026-03")
            #expect(across.text.contains("/counties/990101/figures/handled_cases?to=2026-03"))
            #expect(across.text.contains("<strong>4</strong>"))
            // The city's figures are cached until the stored versions change: a second county's return shows at once.
            let designated = #"<span class="unit">家</span><span class="label">定点医药机构数"#
            #expect(dashboard.text.contains(#"<span class="value">4</span>"# + designated))
            try await harness.receive("clerk2", county: "990102")
            let after = try await get(client, city, "/dashboard?year=2026")
            #expect(after.text.contains(#"<span class="value">8</span>"# + designated))
        }
    }

    @Test("the dashboard is kept between requests but follows every write to the store, also one made by another process")
    func dashboardFollowsTheStore() async throws {
        let harness = try await PortalHarness()
        try await harness.receive("clerk1")
        try await harness.test { client in
            let city = try await harness.login(client, "city")
            let cell = #"<a href="/counties/990101#2026-03">"#
            let first = try await get(client, city, "/dashboard?year=2026")
            #expect(first.text.contains(cell))
            #expect(first.text.contains(#"<span class="state received">待审核</span>"#))
            #expect(first.text.contains(city.csrf), "the head is the caller's own")
            // Written straight into the store, as a second portal process would: an approval and a new county's clerk.
            let stored = try await harness.store.versions(county: "990101", period: nil)
            let march = YearMonth(year: 2026, month: 3)!
            let events = try await harness.store.returns.reviewEvents(county: "990101", period: march)
            try await harness.store.returns.append(
                ReviewEvent(
                    countyCode: "990101", period: march, sequence: Int64(events.count + 1),
                    state: .approved, submissionID: stored.last?.id, reason: "", actor: "city", at: 0))
            _ = try await harness.store.returns.addUser(name: "clerk77", role: .county, countyCode: "990177", passwordHash: "x", at: 0)
            let second = try await get(client, city, "/dashboard?year=2026")
            #expect(second.text.contains(#"<span class="state approved">已审核</span>"#))
            #expect(!second.text.contains(#"<span class="state received">待审核</span>"#))
            #expect(second.text.contains(#"<a href="/counties/990177">"#))
            #expect(!first.text.contains(#"<a href="/counties/990177">"#))
            // Another city user gets the same body under a head of their own.
            let other = try await harness.login(client, "city")
            let again = try await get(client, other, "/dashboard?year=2026")
            #expect(again.text.contains(other.csrf) && !again.text.contains(city.csrf))
            #expect(again.text.replacingOccurrences(of: other.csrf, with: "") == second.text.replacingOccurrences(of: city.csrf, with: ""))
        }
    }

    @Test(
        "Excel: the county page's template is prefilled from the county's own return only; a filled workbook uploads with findings by sheet and cell")
    func excelReturns() async throws {
        let harness = try await PortalHarness()
        try await harness.receive("clerk1")
        try await harness.receive("clerk2", county: "990102")
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            let page = try await get(client, clerk, "/counties/990101")
            #expect(page.text.contains("/counties/990101/template.xlsx?period="))
            let template = try await get(client, clerk, "/counties/990101/template.xlsx?period=2026-04")
            #expect(template.status == .ok)
            #expect(template.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let bytes = Array(buffer: template.body)
            let archive = try ZipArchive(bytes: bytes, name: "template.xlsx")
            let strings = String(
                decoding: try archive.contents(of: try #require(archive.entry(named: "xl/sharedStrings.xml")), limit: 1 << 20), as: UTF8.self)
            #expect(strings.contains("H99010100001") && strings.contains("示例区人民医院"))
            #expect(!strings.contains("H99010200001"), "another county's institutions never reach the template")
            // Read back as it stands: only the two header fields the clerk must fill are missing.
            let read = SubmissionReader().read([.memory(name: "t.xlsx", bytes: bytes)], summarising: { $0 }).outcomes[0]
            #expect(read.findings.findings.map(\.cell) == ["报送信息!C6", "报送信息!C7"])
            #expect(try await get(client, clerk, "/counties/990102/template.xlsx").status == .forbidden)

            // A workbook with a dotted date: refused, the 审核报告 names the sheet and cell.
            let dotted = Array(try Data(contentsOf: URL(fileURLWithPath: SharedFixtures.workbooks + "/broken-dotted-date.xlsx")))
            let refused = try await upload(client, clerk, name: "3月.xlsx", dotted)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<td>检查!B7</td>") && refused.text.contains("inspections.inspected_on.format"))
            // The same return as the XML already stored, from a workbook: the same content, unchanged.
            let workbook = Array(try Data(contentsOf: URL(fileURLWithPath: SharedFixtures.workbooks + "/example-typed.xlsx")))
            let same = try await upload(client, clerk, name: "3月.xlsx", workbook)
            #expect(same.status == .ok)
            let uploads = try await harness.store.returns.uploads(county: "990101")
            #expect(uploads.first?.outcome == "unchanged")
            // Through the API with the XLSX media type.
            let token = try await harness.token("clerk1")
            let api = try await client.execute(
                uri: "/api/v1/submissions?filename=3.xlsx", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
                body: ByteBuffer(bytes: workbook))
            let answer = try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any]
            #expect(api.status == .ok && answer?["outcome"] as? String == "unchanged")
            let apiRefused = try await client.execute(
                uri: "/api/v1/submissions?filename=3.xlsx", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
                body: ByteBuffer(bytes: dotted))
            let rejected = try JSONSerialization.jsonObject(with: Data(apiRefused.text.utf8)) as? [String: Any]
            let cells = (rejected?["findings"] as? [[String: Any]])?.compactMap { $0["cell"] as? String }
            #expect(apiRefused.status == .unprocessableContent && cells == ["检查!B7"])
        }
    }

    @Test("an upload holding two returns is refused (portal.one_return) and stores nothing")
    func oneReturnPerUpload() async throws {
        let harness = try await PortalHarness()
        let folder = SharedFixtures.exampleCSV
        var files: [(name: String, bytes: [UInt8])] = []
        for month in ["990101-2026-03-csv", "990101-2026-04-csv"] {
            for name in ["submission.csv", "institutions.csv", "inspections.csv", "cases.csv"] {
                var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
                if month.contains("04"), name == "submission.csv" {
                    bytes = Array(
                        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "2026-03", with: "2026-04")
                            .replacingOccurrences(of: "2026-04-03", with: "2026-05-06").utf8)
                }
                files.append((month + "/" + name, bytes))
            }
        }
        let token = try await harness.token("clerk1")
        let archive = try ZipWriterBytes.zip(files)
        try await harness.test { client in
            let r = try await client.execute(
                uri: "/api/v1/submissions?filename=two.zip", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/zip"],
                body: ByteBuffer(bytes: archive))
            #expect(r.status == .unprocessableContent)
            #expect(r.text.contains("portal.one_return"))
            #expect(r.text.contains("一次上传只能包含一份报表"))
            #expect(try await harness.store.versions(county: "990101", period: nil).isEmpty)
        }
    }

    /// The worked example as April's return, with the case `drop` left out.
    static func april(dropping drop: String) throws -> [UInt8] {
        try PortalHarness.xml { text in
            var t = text.replacingOccurrences(of: "<period>2026-03</period>", with: "<period>2026-04</period>")
                .replacingOccurrences(of: "<submitted_on>2026-04-03</submitted_on>", with: "<submitted_on>2026-05-03</submitted_on>")
            if let id = t.range(of: "<case_id>\(drop)</case_id>"),
                let start = t.range(of: "<case>", options: .backwards, range: t.startIndex..<id.lowerBound),
                let end = t.range(of: "</case>", range: id.upperBound..<t.endIndex)
            {
                t.removeSubrange(start.lowerBound..<end.upperBound)
            }
            return t
        }
    }

    @Test(
        "核实性审核 on upload: April without a case March had is accepted with plausibility.row.missing on its 审核报告 and in the API's findings, with the case id as key"
    )
    func plausibilityOnUpload() async throws {
        let harness = try await PortalHarness()
        let token = try await harness.token("clerk1")
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            let march = try await upload(client, clerk, name: "990101-2026-03.xml", try PortalHarness.xml())
            #expect(march.status == .ok)
            #expect(!march.text.contains("plausibility."))
            let april = try await upload(client, clerk, name: "990101-2026-04.xml", try Self.april(dropping: "2026-002"))
            #expect(april.status == .ok, "accepted: a plausibility finding is a warning")
            #expect(april.text.contains("plausibility.row.missing") && april.text.contains("上月报表中的行本月不见了:查处台账 案件编号 2026-002"))
            let stored = try await harness.store.returns.uploads(county: "990101")
            let kept = try #require(stored.first { $0.fileName == "990101-2026-04.xml" })
            let keptFindings = try JSONSerialization.jsonObject(with: Data(kept.findingsJSON.utf8)) as? [[String: Any]] ?? []
            #expect(keptFindings.contains { $0["rule"] as? String == "plausibility.row.missing" && $0["key"] as? String == "2026-002" })
            // The API's answer carries it too (a re-send of the same content: unchanged, same checks).
            let again = try await client.execute(
                uri: "/api/v1/submissions?filename=990101-2026-04.xml", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/xml"],
                body: ByteBuffer(bytes: try Self.april(dropping: "2026-002")))
            #expect(again.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(again.text.utf8)) as! [String: Any]
            let findings = json["findings"] as? [[String: Any]] ?? []
            #expect(
                findings.contains {
                    $0["rule"] as? String == "plausibility.row.missing" && $0["key"] as? String == "2026-002"
                        && $0["severity"] as? String == "warning"
                })
        }
    }

    @Test("a clerk cannot send another county's return; the city may, recorded as 代报")
    func countyScopeOfUploads() async throws {
        let harness = try await PortalHarness()
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            let foreign = try await upload(client, clerk, name: "990102.xml", try PortalHarness.xml(county: "990102"))
            #expect(foreign.status == .forbidden)
            #expect(foreign.text.contains("portal.county_scope"))
            #expect(try await harness.store.versions(county: "990102", period: nil).isEmpty)
            // The refused attempt is filed under the clerk's own county, not the other one.
            #expect(try await harness.store.returns.uploads(county: "990102").isEmpty)
            let city = try await harness.login(client, "city")
            let onBehalf = try await upload(client, city, county: "990102", name: "990102.xml", try PortalHarness.xml(county: "990102"))
            #expect(onBehalf.status == .ok)
            let events = try await harness.store.returns.reviewEvents(county: "990102", period: nil)
            #expect(events.first?.actor == "city(代报)")
            #expect(try await harness.store.returns.uploads(county: "990102").first?.onBehalf == true)
        }
    }

    @Test("the API answers 201/200/422 with the documented fields, and lists only what the caller may see")
    func api() async throws {
        let harness = try await PortalHarness()
        let token = try await harness.token("clerk1"), cityToken = try await harness.token("city")
        try await harness.test { client in
            let created = try await client.execute(
                uri: "/api/v1/submissions?filename=990101-2026-03.xml", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/xml"],
                body: ByteBuffer(bytes: try PortalHarness.xml()))
            #expect(created.status == .created)
            let json = try JSONSerialization.jsonObject(with: Data(created.text.utf8)) as! [String: Any]
            #expect(json["outcome"] as? String == "new")
            #expect(json["county_code"] as? String == "990101")
            #expect(json["period"] as? String == "2026-03")
            #expect(json["version"] as? Int == 1)
            #expect((json["digest"] as? String)?.count == 64)
            let again = try await client.execute(
                uri: "/api/v1/submissions", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/xml"],
                body: ByteBuffer(bytes: try PortalHarness.xml()))
            #expect(again.status == .ok)
            #expect(again.text.contains(#""outcome": "unchanged""#))
            let zip = try await client.execute(
                uri: "/api/v1/submissions?filename=990101-2026-03.zip", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/zip"],
                body: ByteBuffer(bytes: try PortalHarness.exampleZip()))
            #expect(zip.status == .ok, "the CSV folder of the same return is the same content: \(zip.text)")
            let bad = try await client.execute(
                uri: "/api/v1/submissions", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/xml"],
                body: ByteBuffer(string: "<submission>"))
            #expect(bad.status == .unprocessableContent)
            let badJSON = try JSONSerialization.jsonObject(with: Data(bad.text.utf8)) as! [String: Any]
            #expect(badJSON["outcome"] as? String == "rejected")
            let first = (badJSON["findings"] as? [[String: Any]])?.first
            #expect(first?["rule"] as? String != nil && first?["message"] as? String != nil && first?["expected"] != nil)
            let hostile = try await client.execute(
                uri: "/api/v1/submissions", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/zip"],
                body: ByteBuffer(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: SharedFixtures.truncatedZip)))))
            #expect(hostile.status == .unprocessableContent)
            #expect(hostile.text.contains("zip.invalid"))
            let text = try await client.execute(
                uri: "/api/v1/submissions", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "text/plain"], body: ByteBuffer(string: "x"))
            #expect(text.status == .unsupportedMediaType)

            let review = try await client.execute(
                uri: "/api/v1/submissions/990101/2026-03/review", method: .post,
                headers: [.authorization: "Bearer \(cityToken)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"action":"return","version":1,"reason":"请补报案件"}"#))
            #expect(review.status == .ok)
            #expect(review.text.contains(#""state": "returned""#))
            let list = try await client.execute(uri: "/api/v1/submissions?period=2026-03", method: .get, headers: [.authorization: "Bearer \(token)"])
            let items = (try JSONSerialization.jsonObject(with: Data(list.text.utf8)) as! [String: Any])["submissions"] as! [[String: Any]]
            #expect(items.count == 1)
            #expect(items[0]["state"] as? String == "returned")
            #expect(items[0]["return_reason"] as? String == "请补报案件")
            #expect(items[0]["submitted_on"] as? String == "2026-04-03")
            let twice = try await client.execute(
                uri: "/api/v1/submissions/990101/2026-03/review", method: .post,
                headers: [.authorization: "Bearer \(cityToken)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"action":"return","version":1,"reason":"再次"}"#))
            #expect(twice.status == .conflict)
        }
    }

    @Test("the report download is the pipeline's report of the store, byte for byte; --approved-only uses approved versions")
    func reportDownload() async throws {
        let harness = try await PortalHarness()
        let core = harness.core
        let clerk = try await core.returns.users.user("clerk1")
        _ = try await core.returns.receive(Upload(name: "a.xml", bytes: try PortalHarness.xml(), note: ""), from: clerk, address: "t")
        try await harness.test { client in
            let city = try await harness.login(client, "city")
            let window = try Window(from: YearMonth(year: 2026, month: 1), to: YearMonth(year: 2026, month: 3)!)
            for format in ReportFormat.allCases {
                let response = try await get(client, city, "/reports/download?from=2026-01&to=2026-03&as_of=2026-04-30&format=\(format.rawValue)")
                #expect(response.status == .ok)
                let sink = MemorySink()
                _ = try await core.pipeline.report(.store(harness.store), window: window, asOf: Day(iso: "2026-04-30"), formats: [format], into: sink)
                let expected = format == .csv ? try ZipWriterBytes.zip(sink.files) : sink.files[0].bytes
                #expect(Array(buffer: response.body) == expected, "\(format) download equals the pipeline's output")
            }
            // Nothing approved yet: the approved-only report has no county data.
            let approvedNone = try await get(client, city, "/reports/download?from=2026-01&to=2026-03&as_of=2026-04-30&format=xml&approved_only=1")
            #expect(!approvedNone.text.contains("示例区"))
            _ = try await form(client, city, "/counties/990101/2026-03/review", ["action": "approve", "version": "1"])
            let approved = try await get(client, city, "/reports/download?from=2026-01&to=2026-03&as_of=2026-04-30&format=xml&approved_only=1")
            #expect(approved.text.contains("示例区"))
        }
    }

    @Test("the report API refuses values outside openapi.yaml (400, naming the parameter); a form's blank optional field is not given")
    func reportParameters() async throws {
        let harness = try await PortalHarness()
        let token = try await harness.token("city")
        try await harness.test { client in
            func api(_ query: String) async throws -> TestResponse {
                try await client.execute(uri: "/api/v1/reports?" + query, method: .get, headers: [.authorization: "Bearer \(token)"])
            }
            let base = "from=2026-01&to=2026-03&as_of=2026-04-30"
            // What schemathesis sent: an approved_only outside its enum and an empty format.
            for (query, parameter) in [
                (base + "&approved_only=X%C2%AC2%40", "approved_only"), (base + "&format=", "format"),
                (base + "&approved_only=yes", "approved_only"), (base + "&approved_only=", "approved_only"),
                ("from=&to=2026-03", "from"), ("from=2026-01&to=2026-03&as_of=", "as_of"), ("to=", "to"),
            ] {
                let r = try await api(query)
                #expect(r.status == .badRequest, "\(query): \(r.status)")
                #expect(r.text.contains(parameter), "\(query): \(r.text.prefix(200))")
            }
            for flag in ["1", "true", "0", "false"] {
                #expect(try await api(base + "&approved_only=" + flag).status == .ok, "approved_only=\(flag)")
            }
            #expect(try await api(base).status == .ok)
            // The page's form sends a blank 起始月份 and no approved_only when unticked: a report from January.
            let city = try await harness.login(client, "city")
            let page = try await get(client, city, "/reports/download?from=&to=2026-03&as_of=2026-04-30&format=xml")
            #expect(page.status == .ok && page.text.contains("2026-01"))
            let typo = try await get(client, city, "/reports/download?from=2026-01&to=2026-03&format=xml&approved_only=yes")
            #expect(typo.status == .badRequest && typo.text.contains("approved_only"))
        }
    }

    @Test("table 6 shows the review state of each county's chosen version once the store has review events")
    func tableSixReviewState() async throws {
        let harness = try await PortalHarness()
        let core = harness.core
        let window = try Window(from: YearMonth(year: 2026, month: 1), to: YearMonth(year: 2026, month: 3)!)
        let asOf = try Day(iso: "2026-04-30")
        func states(_ source: DataSource) async throws -> [String: String]? {
            try await core.pipeline.reportInput(source, window: window, asOf: asOf).reviewStates
        }
        func tableSix(_ source: DataSource) async throws -> String {
            let sink = MemorySink()
            _ = try await core.pipeline.report(source, window: window, asOf: asOf, formats: [.csv], into: sink)
            return String(decoding: sink.files.first { $0.name == "table6.csv" }!.bytes, as: UTF8.self)
        }
        // No review event yet: no column, the report as from the command line.
        #expect(try await states(.store(harness.store)) == nil)
        #expect(try await !tableSix(.store(harness.store)).contains("审核状态"))

        let clerk = try await core.returns.users.user("clerk1")
        let identity = Identity(user: clerk, credential: .token)
        _ = try await core.returns.receive(Upload(name: "a.xml", bytes: try PortalHarness.xml(), note: ""), from: identity.user, address: "t")
        #expect(try await states(.store(harness.store))?["990101"] == "待审核")
        let table = try await tableSix(.store(harness.store))
        #expect(table.split(separator: "\n").first?.contains("数据状态,审核状态,内容摘要") == true)
        #expect(table.contains(",正常,待审核,"))

        let city = Identity(user: try await core.returns.users.user("city"), credential: .token)
        _ = try await core.returns.review(
            .approve, county: "990101", period: YearMonth(year: 2026, month: 3)!, version: 1, reason: "", by: city.user, address: "t")
        #expect(try await states(.store(harness.store))?["990101"] == "已审核")
        #expect(try await states(.approved(harness.store))?["990101"] == "已审核")

        // A correction sent after approval: the latest version is under review; the
        // approved-only report still uses the approved one and says a correction waits.
        let corrected = try PortalHarness.xml { $0.replacingOccurrences(of: "<submitted_on>2026-04-03<", with: "<submitted_on>2026-04-09<") }
        let answer = try await core.returns.receive(Upload(name: "b.xml", bytes: corrected, note: "更正报送日期"), from: identity.user, address: "t")
        #expect(answer.outcome == .newVersion)
        #expect(try await states(.store(harness.store))?["990101"] == "待审核")
        #expect(try await states(.approved(harness.store))?["990101"] == "已审核(更正版待审核)")
    }

    @Test("notices, a notice document, timeliness, evaluation and the bulletin download as the pipeline writes them")
    func otherDownloads() async throws {
        let harness = try await PortalHarness()
        let core = harness.core
        let clerk = try await core.returns.users.user("clerk1")
        _ = try await core.returns.receive(Upload(name: "a.xml", bytes: try PortalHarness.xml(), note: ""), from: clerk, address: "t")
        let pipeline = core.pipeline, store = harness.store
        let window = try Window(from: YearMonth(year: 2026, month: 1), to: YearMonth(year: 2026, month: 3)!)
        let march = YearMonth(year: 2026, month: 3)!, asOf = try #require(Day(iso: "2026-04-30"))
        @Sendable func expected(_ ext: String, _ render: (MemorySink) async throws -> Void) async throws -> [UInt8] {
            let sink = MemorySink()
            try await render(sink)
            return try #require(sink.files.first { $0.name.hasSuffix("." + ext) }).bytes
        }
        try await harness.test { client in
            let city = try await harness.login(client, "city")
            let cases: [(path: String, name: String, bytes: [UInt8])] = [
                (
                    "/reports/notices?as_of=2026-04-30&format=csv", "notices-2026-04-30.csv",
                    try await expected("csv") { sink in
                        _ = try await pipeline.write(try await pipeline.noticeRegister(.store(store), asOf: asOf), format: .csv, into: sink)
                    }
                ),
                (
                    "/reports/notices?as_of=2026-04-30&format=json", "notices-2026-04-30.json",
                    Array(NoticesJSON.document(try await pipeline.noticeRegister(.store(store), asOf: asOf).notices, asOf: asOf).serialized().utf8)
                ),
                (
                    "/reports/timeliness?to=2026-03&format=xml", "timeliness-2026-03.xml",
                    try await expected("xml") { sink in
                        _ = try await pipeline.timeliness(.store(store), month: march, into: sink)
                    }
                ),
                (
                    "/reports/evaluation?from=2026-01&to=2026-03&as_of=2026-04-30&format=csv", "evaluation-2026-01_2026-03.csv",
                    try await expected("csv") { sink in
                        _ = try await pipeline.evaluation(.store(store), window: window, asOf: asOf, into: sink)
                    }
                ),
                (
                    "/reports/bulletin?period=2026-03&format=html", "bulletin-2026-03.html",
                    try await expected("html") { sink in
                        _ = try await pipeline.bulletin(.store(store), month: march, into: sink)
                    }
                ),
                (
                    "/reports/bulletin?month=2026-03&format=txt", "bulletin-2026-03.txt",
                    try await expected("txt") { sink in
                        _ = try await pipeline.bulletin(.store(store), month: march, into: sink)
                    }
                ),
                (
                    "/counties/990101/notice?case=2026-002&as_of=2026-04-30&format=xml", "notice-990101-2026-002.xml",
                    try await expected("xml") { sink in
                        _ = try await pipeline.notice(.store(store), county: "990101", caseID: "2026-002", asOf: asOf, into: sink)
                    }
                ),
            ]
            for item in cases {
                let response = try await get(client, city, item.path)
                #expect(response.status == .ok, "\(item.path)")
                #expect(
                    response.headers[.contentDisposition]?.contains(item.name) == true, "\(item.path): \(response.headers[.contentDisposition] ?? "")"
                )
                #expect(Array(buffer: response.body) == item.bytes, "\(item.path) equals the pipeline's output")
                #expect(!item.bytes.isEmpty)
            }
            // The county's own notice document; the case number is checked, the format too.
            let clerkSession = try await harness.login(client, "clerk1")
            let own = try await get(client, clerkSession, "/counties/990101/notice?case=2026-002&as_of=2026-04-30")
            #expect(own.status == .ok && own.text.contains("2026-002") && own.text.contains("百姓大药房"))
            #expect(try await get(client, clerkSession, "/counties/990101/notice?case=2026-999&as_of=2026-04-30").status == .notFound)
            // 2026-003 is a case, but not a major one: it needs no notice.
            #expect(try await get(client, clerkSession, "/counties/990101/notice?case=2026-003&as_of=2026-04-30").status == .unprocessableContent)
            #expect(try await get(client, city, "/reports/timeliness?to=2026-13").status == .badRequest)
            // The older spelling month= still works where scripts may use it.
            #expect(try await get(client, city, "/reports/timeliness?month=2026-03&format=xml").status == .ok)
            #expect(try await get(client, city, "/reports/bulletin?month=2026-03&format=xml").status == .badRequest)
            #expect(try await get(client, city, "/reports/evaluation?from=2026-01").status == .badRequest)
            // The county page links each notice to its document.
            let page = try await get(client, clerkSession, "/counties/990101")
            #expect(page.text.contains("/counties/990101/notice?case=2026-002&amp;as_of="))
        }
    }
}
