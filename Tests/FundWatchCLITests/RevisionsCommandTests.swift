import Foundation
import FundWatchTestSupport
import Testing

@Suite("fundwatch revisions")
struct RevisionsCommandTests {
    @Test("the sample city's revisions: the same JSON from files and from a store; CSV with its header; a table by default")
    func formats() throws {
        let json = try CLI.run(["revisions", "--to", "2026-10", "--format", "json", CLI.sampleCity])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let revisions = try #require(document["revisions"] as? [[String: Any]])
        #expect(document["to"] as? String == "2026-10")
        #expect(!revisions.isEmpty)
        #expect(revisions.allSatisfy { Set($0.keys) == ["county_code", "county_name", "month", "metric", "reported", "now", "source_period"] })
        // Each restated figure was first reported in its own month and changed by a later return.
        #expect(revisions.allSatisfy { ($0["source_period"] as! String) > ($0["month"] as! String) })
        let db = Scratch.root + "/revisions-\(UUID().uuidString).sqlite"
        #expect(try CLI.run(["import", "--db", db, CLI.sampleCity]).status == 0)
        let fromStore = try CLI.run(["revisions", "--to", "2026-10", "--format", "json", "--db", db])
        #expect(fromStore.stdout == json.stdout)
        let csv = try CLI.run(["revisions", "--to", "2026-10", "--format", "csv", CLI.sampleCity])
        #expect(csv.stdout.hasPrefix("\u{FEFF}") && csv.stdout.contains("县(区),月份,指标,首次报送,现值,修订于"), "\(csv.stdout.prefix(300))")
        let table = try CLI.run(["revisions", "--to", "2026-10", CLI.sampleCity])
        #expect(table.stdout.hasPrefix("数据修订 revisions to 2026-10: \(revisions.count) figure(s)"))
    }
}
