import Foundation
import FundWatchCore
import FundWatchDraw
import FundWatchPipeline
import FundWatchReports
import FundWatchReturns
import FundWatchReturnsStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FundWatchPortal

/// The city runs a draw in the portal, publishes it; a county sees only its own targets.
@Suite("双随机 draws in the portal")
struct DrawPortalTests {
    func get(_ client: any TestClientProtocol, _ s: PortalHarness.Session, _ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: [.cookie: s.cookie])
    }

    @Test("run with an uploaded list (its documents are the pipeline's bytes), draft hidden from counties, publish, each county its own targets only")
    func flow() async throws {
        let harness = try await PortalHarness()
        try await harness.receive("clerk1")
        try await harness.receive("clerk2", county: "990102")
        try await harness.test { client in
            let city = try await harness.login(client, "city")
            var headers = PortalHarness.multipartHeaders
            headers[.cookie] = city.cookie
            // A list with an error first: refused with its line, nothing kept.
            let bad = Array((String(decoding: PortalHarness.inspectors, as: UTF8.self) + "C1,重复,990100,市局,true\n").utf8)
            let refused = try await client.execute(
                uri: "/draws", method: .post, headers: headers,
                body: PortalHarness.multipart(
                    file: "inspectors.csv", bad, fields: ["csrf": city.csrf, "period": "2026-03", "seed": "2026-03-02 福彩 123"], field: "inspectors"))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("list.duplicate") && refused.text.contains("<td>7</td>"))
            #expect(try await harness.store.returns.draws(publishedOnly: false).isEmpty)

            let made = try await client.execute(
                uri: "/draws", method: .post, headers: headers,
                body: PortalHarness.multipart(
                    file: "inspectors.csv", PortalHarness.inspectors, fields: ["csrf": city.csrf, "period": "2026-03", "seed": "2026-03-02 福彩 123"],
                    field: "inspectors"))
            #expect(made.status == .seeOther)
            let draws = try await harness.store.returns.draws(publishedOnly: false)
            #expect(draws.count == 1 && draws[0].publishedAt == nil)
            // The documents are what the pipeline writes for the same inputs and seed.
            let expected = try await harness.core.pipeline.makeDraw(
                .store(harness.store),
                parameters: DrawParameters(period: YearMonth(year: 2026, month: 3)!, seed: "2026-03-02 福彩 123", settings: harness.core.settings.draw),
                files: DrawFiles(inspectors: .memory(name: "inspectors.csv", bytes: PortalHarness.inspectors), risk: nil, items: nil))
            let documents = try await harness.core.pipeline.drawDocuments(expected)
            for name in DrawWriter.planFiles {
                let file = try await get(client, city, "/draws/\(draws[0].id)/\(name)")
                #expect(file.status == .ok && Array(buffer: file.body) == documents.bytes(of: name), "\(name)")
            }
            // A draft is the city's only.
            let clerk = try await harness.login(client, "clerk1")
            #expect(try await get(client, clerk, "/counties/990101/draws").text.contains("尚无已发布"))
            #expect(try await get(client, clerk, "/draws/\(draws[0].id)/draw-list.csv").status == .forbidden)

            let published = try await client.execute(
                uri: "/draws/\(draws[0].id)/publish", method: .post,
                headers: [.cookie: city.cookie, .contentType: "application/x-www-form-urlencoded"], body: PortalHarness.form(["csrf": city.csrf]))
            #expect(published.status == .seeOther)
            let own = try await get(client, clerk, "/counties/990101/draws")
            let ownCodes = expected.lots.filter { $0.target.countyCode == "990101" }.map(\.target.code)
            let otherCodes = expected.lots.filter { $0.target.countyCode == "990102" }.map(\.target.code)
            #expect(!ownCodes.isEmpty && !otherCodes.isEmpty)
            for code in ownCodes { #expect(own.text.contains(code)) }
            for code in otherCodes { #expect(!own.text.contains(code), "another county's target \(code)") }
            let team = expected.lots.first { $0.target.countyCode == "990101" }!.inspectors.map(\.name)
            #expect(team.allSatisfy { own.text.contains($0) }, "the county sees its targets' inspectors")
            #expect(try await get(client, clerk, "/counties/990102/draws").status == .forbidden)
            let audit = try await harness.store.returns.auditEntries(since: 0).map { "\($0.action):\($0.outcome)" }
            #expect(audit.contains("draw:rejected") && audit.contains("draw:ok") && audit.contains("draw:published"))
        }
    }

    @Test("a draw is kept as its plan's data; one kept as XML by an older store is read once and kept as data, its documents unchanged")
    func drawsAsData() async throws {
        let harness = try await PortalHarness()
        try await harness.receive("clerk1")
        let id = try await harness.storedDraw(published: true)
        let kept = try await harness.core.returns.draws.draw(id: id)
        let plan = try await harness.core.returns.draws.plan(of: kept)
        #expect(kept.planJSON == plan.json && kept.legacyPlanXML.isEmpty)
        #expect(try DrawPlan(json: plan.json) == plan)
        // As schema version 3 kept it: the plan's rendered XML, no data.
        let xml = try await harness.core.pipeline.drawDocuments(plan, only: ["draw-plan.xml"]).bytes(of: "draw-plan.xml") ?? []
        try await harness.store.write(
            "INSERT INTO draws (period, seed, inputs_digest, plan_xml, created_at, actor) VALUES (?, ?, ?, ?, 0, 'city')",
            [.text("2026-03"), .text(plan.parameters.seed), .text(plan.digests.inputs), .text(String(decoding: xml, as: UTF8.self))])
        let legacy = try #require(try await harness.core.returns.draws.list(publishedOnly: false).first { $0.planJSON == nil })
        let read = try await harness.core.returns.draws.plan(of: legacy)
        #expect(read.lots == plan.lots && read.digests == plan.digests && read.parameters == plan.parameters)
        let after = try await harness.core.returns.draws.draw(id: legacy.id)
        #expect(after.planJSON != nil && after.legacyPlanXML.isEmpty)
        #expect(
            try await harness.core.pipeline.drawDocuments(try DrawPlan(json: after.planJSON!), only: ["draw-plan.xml"]).bytes(of: "draw-plan.xml")
                == xml)
    }
}
