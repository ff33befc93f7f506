import Foundation
import FundWatchCore
import FundWatchTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FundWatchPortal

/// Tip-offs in the portal: a county's return carrying a tip-off register shows its steps in
/// hand on the county's page, the city's dashboard lists the overdue and soon-due ones, and
/// the API answers the scoped register. No reporter anywhere.
extension ReturnFlowTests {
    /// The worked example's XML with the fixture's five tip-offs, for `county`.
    static func withTipoffs(county: String = "990101") throws -> [UInt8] {
        let rows = """
            <tipoffs>
            <tipoff><tipoff_id>JB-2026-001</tipoff_id><received_on>2026-02-10</received_on><channel>hotline</channel><real_name>true</real_name><subject_type>institution</subject_type><institution_code>H99010100001</institution_code><decided_on>2026-03-04</decided_on><decision>file</decision><informed_on>2026-03-12</informed_on><closed_on>2026-03-20</closed_on><substantiated>true</substantiated><case_id>2026-001</case_id><reward_paid>500.00</reward_paid><reward_paid_on>2026-03-25</reward_paid_on><reporter>李某某,电话13900000000</reporter></tipoff>
            <tipoff><tipoff_id>JB-2026-003</tipoff_id><received_on>2026-02-12</received_on><channel>letter</channel><real_name>是</real_name><subject_type>institution</subject_type><institution_code>H99010100002</institution_code><reporter>王某</reporter></tipoff>
            <tipoff><tipoff_id>JB-2026-004</tipoff_id><received_on>2026-03-20</received_on><channel>visit</channel><real_name>true</real_name><subject_type>physician</subject_type><reporter>赵某某</reporter></tipoff>
            </tipoffs>
            """
        return try PortalHarness.xml(county: county) { $0.replacingOccurrences(of: "</submission>", with: rows + "\n</submission>") }
    }

    @Test(
        "a return with tip-offs: the county page lists the steps in hand, the dashboard the overdue ones, the API the scoped register; never a reporter"
    )
    func tipoffsInThePortal() async throws {
        let harness = try await PortalHarness()
        harness.clock.set(day: "2026-03-31")
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            let sent = try await upload(client, clerk, name: "990101-2026-03.xml", try Self.withTipoffs())
            #expect(sent.status == .ok, "\(sent.text)")
            let page = try await get(client, clerk, "/counties/990101")
            #expect(page.text.contains("举报线索办理期限"))
            // JB-2026-003 was due for a decision on 11 March (weekdays only: 2026-03-05 without a calendar).
            #expect(page.text.contains("<td>JB-2026-003</td>") && page.text.contains("已超期"))
            #expect(page.text.contains("<td>JB-2026-004</td>") && page.text.contains("办理中"))
            // JB-2026-001's feedback is still due: listed too.
            #expect(page.text.contains("<td>JB-2026-001</td>") && page.text.contains("反馈举报人"))

            let city = try await harness.login(client, "city")
            let dashboard = try await get(client, city, "/dashboard")
            #expect(dashboard.text.contains("举报线索:超期与 3 个工作日内到期") && dashboard.text.contains("<td>JB-2026-003</td>"))
            #expect(!dashboard.text.contains("<td>JB-2026-004</td>"), "due in more than 3 working days")

            func api(_ user: String) async throws -> (status: HTTPResponse.Status, text: String) {
                let token = try await harness.token(user)
                let r = try await client.execute(uri: "/api/v1/tipoffs?as_of=2026-03-31", method: .get, headers: [.authorization: "Bearer \(token)"])
                return (r.status, String(buffer: r.body))
            }
            let answer = try await api("city")
            #expect(answer.status == .ok)
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(answer.text.utf8)) as? [String: Any])
            let list = try #require(doc["tipoffs"] as? [[String: Any]])
            #expect(list.map { $0["tipoff_id"] as? String } == ["JB-2026-003", "JB-2026-001", "JB-2026-004"])
            // The other county's clerk sees none of them.
            let other = try await harness.login(client, "clerk2")
            let scoped = try await api("clerk2")
            #expect(scoped.status == .ok && scoped.text.contains("\"tipoffs\": []"))
            let refused = try await get(client, other, "/counties/990101")
            #expect(refused.status == .forbidden)
            // The register from the reports page, as `tipoffs --db` makes it; TRACE is no method of the API.
            let csv = try await get(client, city, "/reports/tipoffs?as_of=2026-03-31&format=csv")
            #expect(csv.status == .ok && csv.text.contains("举报线索办理台账") && csv.text.contains("JB-2026-003,示例区,2026-02-12"))
            let reportsPage = try await get(client, city, "/reports")
            #expect(reportsPage.text.contains(#"action="/reports/tipoffs""#))
            let token = try await harness.token("city")
            let trace = try await client.execute(uri: "/api/v1/tipoffs", method: .trace, headers: [.authorization: "Bearer \(token)"])
            #expect(trace.status == .methodNotAllowed)
            for text in [page.text, dashboard.text, answer.text, sent.text, csv.text] {
                for secret in ["李某某", "13900000000", "王某", "赵某某"] { #expect(!text.contains(secret)) }
            }
        }
    }
}
