import Foundation
import FundWatchCore
import FundWatchReturnsStore
import FundWatchStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FundWatchPortal

/// 核实性审核's explanations: an accepted return with warnings is 待说明 until the clerk explains
/// them, on the county page or through the API; the city sees them beside the change and
/// needs its own note to approve what is unexplained.
extension ReturnFlowTests {
    /// April without the cases `dropped` of March (each a `plausibility.row.missing`).
    static func april(dropping dropped: [String]) throws -> [UInt8] {
        var text = String(decoding: try april(dropping: dropped[0]), as: UTF8.self)
        for id in dropped.dropFirst() {
            guard let at = text.range(of: "<case_id>\(id)</case_id>"),
                let start = text.range(of: "<case>", options: .backwards, range: text.startIndex..<at.lowerBound),
                let end = text.range(of: "</case>", range: at.upperBound..<text.endIndex)
            else { continue }
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return Array(text.utf8)
    }

    @Test(
        "待说明: April without two of March's cases is 待说明; approving needs a note; the clerk explains one, then the rule's rest with *; the city sees both, the change and who explained; approved, no more explanations"
    )
    func explanationFlow() async throws {
        let harness = try await PortalHarness()
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            #expect(try await upload(client, clerk, name: "990101-2026-03.xml", try PortalHarness.xml()).status == .ok)
            let april = try await upload(client, clerk, name: "990101-2026-04.xml", try Self.april(dropping: ["2026-002", "2026-003"]))
            #expect(april.status == .ok)
            #expect(april.text.contains("本报表有 2 条核实性审核提示尚待说明"))
            var page = try await get(client, clerk, "/counties/990101")
            #expect(page.text.contains(#"<span class="state explain">待说明</span>"#))
            #expect(page.text.contains("共 2 条") && page.text.contains("2 条待说明"))
            #expect(page.text.contains(#"name="key.0" value="2026-002""#) && page.text.contains(#"name="key.1" value="2026-003""#))
            #expect(page.text.contains(#"name="key.2" value="*""#), "a row explaining every open warning of the rule")

            let city = try await harness.login(client, "city")
            var cityPage = try await get(client, city, "/counties/990101")
            #expect(cityPage.text.contains("审核意见(尚有提示未说明,审核通过须填写)"))
            #expect(cityPage.text.contains("第 1 版与上一版相比") == false, "April has one version: nothing to compare within the month")
            let unexplained = try await form(client, city, "/counties/990101/2026-04/review", ["action": "approve", "version": "1"])
            #expect(unexplained.status == .unprocessableContent)
            #expect(unexplained.text.contains("该报表有 2 条核实性审核提示尚未说明,审核通过须填写审核意见"))

            // A warning the version does not have, and an empty box: refused, nothing kept.
            let unknown = try await form(
                client, clerk, "/counties/990101/2026-04/explanations",
                ["version": "1", "rule.0": "plausibility.row.missing", "key.0": "2026-001", "text.0": "无此提示"])
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("第 1 版没有这条核实性审核提示"))
            let empty = try await form(
                client, clerk, "/counties/990101/2026-04/explanations", ["version": "1", "rule.0": "plausibility.row.missing", "key.0": "2026-002"])
            #expect(empty.status == .unprocessableContent && empty.text.contains("没有要保存的说明"))
            let stale = try await form(
                client, clerk, "/counties/990101/2026-04/explanations",
                ["version": "2", "rule.0": "plausibility.row.missing", "key.0": "2026-002", "text.0": "x"])
            #expect(stale.status == .conflict)

            let first = try await form(
                client, clerk, "/counties/990101/2026-04/explanations",
                ["version": "1", "rule.0": "plausibility.row.missing", "key.0": "2026-002", "text.0": "2026-002 号案件已移送公安机关,按规定移出本台账"])
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/counties/990101#2026-04")
            page = try await get(client, clerk, "/counties/990101")
            #expect(page.text.contains("2026-002 号案件已移送公安机关,按规定移出本台账"))
            #expect(page.text.contains("1 条待说明"))
            let rest = try await form(
                client, clerk, "/counties/990101/2026-04/explanations",
                ["version": "1", "rule.1": "plausibility.row.missing", "key.1": "*", "text.1": "其余案件系重复录入,已删除"])
            #expect(rest.status == .seeOther)
            page = try await get(client, clerk, "/counties/990101")
            #expect(page.text.contains("均已说明"))
            #expect(page.text.contains(#"<span class="state received">待审核</span>"#))
            #expect(!page.text.contains(#"name="text."#), "nothing left to explain: no boxes")

            // The city's view: each warning with its explanation and who gave it.
            cityPage = try await get(client, city, "/counties/990101")
            #expect(cityPage.text.contains("其余案件系重复录入,已删除") && cityPage.text.contains("clerk1"))
            #expect(!cityPage.text.contains("审核意见(尚有提示未说明"))
            let list = try await get(client, city, "/warnings")
            #expect(list.status == .ok)
            #expect(list.text.contains("<td>2026-04</td>") && list.text.contains("<td>clerk1</td>"))
            #expect(list.text.contains("共 1 份报表有提示,其中 <strong>0</strong> 份待说明"))
            let csv = try await get(client, city, "/warnings?period=2026-04&format=csv")
            #expect(
                String(decoding: Array(buffer: csv.body).dropFirst(3), as: UTF8.self).contains("990101,未登记名称,2026-04,1,待审核,2,0,row.missing 2,clerk1"))

            #expect(try await form(client, city, "/counties/990101/2026-04/review", ["action": "approve", "version": "1"]).status == .seeOther)
            let late = try await form(
                client, clerk, "/counties/990101/2026-04/explanations",
                ["version": "1", "rule.0": "plausibility.row.missing", "key.0": "2026-002", "text.0": "补充"])
            #expect(late.status == .conflict)

            // Stored with the version, and in the audit log.
            let versions = try await harness.store.versions(county: "990101", period: YearMonth(year: 2026, month: 4)!)
            let kept = try await harness.store.returns.explanations(ofVersions: [versions[0].id])[versions[0].id] ?? []
            #expect(kept.map(\.key) == ["2026-002", "*"])
            #expect(kept.allSatisfy { $0.actor == "clerk1" })
            let audit = try await harness.store.returns.auditEntries(since: 0)
            #expect(
                audit.filter { $0.action == "explain" }.map(\.detail) == [
                    "990101 2026-04 第1版 #\(versions[0].id) plausibility.row.missing 2026-002",
                    "990101 2026-04 第1版 #\(versions[0].id) plausibility.row.missing *",
                ])
        }
    }

    @Test("approved with the reviewer's note while a warning is open: 已审核 everywhere, not 待说明 — county page, dashboard, /warnings, API open=true")
    func approvedWithOpenWarnings() async throws {
        let harness = try await PortalHarness()
        let token = try await harness.token("city")
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            #expect(try await upload(client, clerk, name: "990101-2026-03.xml", try PortalHarness.xml()).status == .ok)
            #expect(try await upload(client, clerk, name: "990101-2026-04.xml", try Self.april(dropping: "2026-002")).status == .ok)
            let city = try await harness.login(client, "city")
            var dashboard = try await get(client, city, "/dashboard?year=2026")
            #expect(dashboard.text.contains("1 份报表有核实性审核提示,其中 <strong>1</strong> 份待县区说明"))
            let approved = try await form(
                client, city, "/counties/990101/2026-04/review", ["action": "approve", "version": "1", "reason": "已电话核实,案件移送公安"])
            #expect(approved.status == .seeOther)

            let page = try await get(client, clerk, "/counties/990101")
            #expect(page.text.contains(#"<h3>2026-04 <span class="state approved">已审核</span>"#))
            #expect(!page.text.contains(#"<span class="state explain">"#))
            #expect(!page.text.contains(#"name="text."#), "an approved month takes no explanation")
            dashboard = try await get(client, city, "/dashboard?year=2026")
            #expect(dashboard.text.contains("1 份报表有核实性审核提示,其中 <strong>0</strong> 份待县区说明"))
            let list = try await get(client, city, "/warnings")
            #expect(list.text.contains("共 1 份报表有提示,其中 <strong>0</strong> 份待说明"))
            #expect(list.text.contains(#"<span class="state approved">已审核</span>"#))
            let api = try await client.execute(uri: "/api/v1/warnings?open=true", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(api.text.contains(#""returns": []"#) || api.text.contains(#""returns":[]"#), "\(api.text)")
        }
    }

    @Test("the API: an upload answers to_explain; explanations by JSON; GET /api/v1/warnings lists them, open=true only the unexplained")
    func explanationsThroughTheAPI() async throws {
        let harness = try await PortalHarness()
        let token = try await harness.token("clerk1")
        try await harness.test { client in
            func send(_ path: String, _ body: [UInt8], type: String = "application/xml") async throws -> (HTTPResponse.Status, [String: Any]) {
                let r = try await client.execute(
                    uri: path, method: .post, headers: [.authorization: "Bearer \(token)", .contentType: type], body: ByteBuffer(bytes: body))
                return (r.status, (try? JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [String: Any]) ?? [:])
            }
            func get(_ path: String) async throws -> [[String: Any]] {
                let r = try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(token)"])
                return (try JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [String: Any])?["returns"] as? [[String: Any]] ?? []
            }
            #expect(try await send("/api/v1/submissions?filename=3.xml", try PortalHarness.xml()).1["to_explain"] as? Int == 0)
            let (status, answer) = try await send("/api/v1/submissions?filename=4.xml", try Self.april(dropping: "2026-002"))
            #expect(status == .created && answer["to_explain"] as? Int == 1)
            var open = try await get("/api/v1/warnings?open=true")
            #expect(open.count == 1 && open[0]["period"] as? String == "2026-04" && open[0]["open"] as? Int == 1)
            let warning = (open[0]["warnings"] as? [[String: Any]])?.first
            #expect(warning?["rule"] as? String == "plausibility.row.missing" && warning?["key"] as? String == "2026-002")
            #expect(warning?["explanation"] is NSNull)

            let bad = try await send(
                "/api/v1/submissions/990101/2026-04/explanations", Array(#"{"version":1}"#.utf8), type: "application/json")
            #expect(bad.0 == .badRequest)
            let (explained, after) = try await send(
                "/api/v1/submissions/990101/2026-04/explanations",
                Array(#"{"version":1,"explanations":[{"rule":"plausibility.row.missing","key":"2026-002","text":"已移送公安"}]}"#.utf8),
                type: "application/json")
            #expect(explained == .ok && after["open"] as? Int == 0)
            let given = ((after["warnings"] as? [[String: Any]])?.first?["explanation"] as? [String: Any])
            #expect(given?["text"] as? String == "已移送公安" && given?["by"] as? String == "clerk1")
            open = try await get("/api/v1/warnings?open=true")
            #expect(open.isEmpty)
            #expect(try await get("/api/v1/warnings").count == 1)
        }
    }
}
