import Foundation
import FundWatchTestSupport
import Testing

@Suite("fundwatch metrics")
struct MetricsCommandTests {
    /// `metrics` of a parsed JSON document, for one county code or "city".
    static func metrics(_ json: Any, _ unit: String) throws -> [String: Any] {
        let doc = try #require(json as? [String: Any])
        if unit == "city" {
            return try #require((doc["city"] as? [String: Any])?["metrics"] as? [String: Any])
        }
        let counties = try #require(doc["counties"] as? [[String: Any]])
        let county = try #require(counties.first { $0["county_code"] as? String == unit })
        return try #require(county["metrics"] as? [String: Any])
    }

    static func same(_ a: Any?, _ b: Any?) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? Int, let y = b as? Int { return x == y }
        return false
    }

    @Test(
        "the JSON holds every figure of the expected files, from XML and from CSV",
        arguments: [("Q1", "2026-01"), ("march", "2026-03")], [CLI.exampleXML, CLI.exampleCSV])
    func expectedFigures(window: (String, String), path: String) throws {
        let result = try CLI.run(["metrics", "--json", "--from", window.1, "--to", "2026-03", "--as-of", "2026-03-31", path])
        #expect(result.status == 0, "\(result.stderr)")
        let actual = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let expectedData = try Data(contentsOf: URL(fileURLWithPath: SharedFixtures.expectedMetrics(window.0)))
        let expected = try JSONSerialization.jsonObject(with: expectedData)
        let doc = try #require(actual as? [String: Any])
        #expect(doc["from"] as? String == window.1)
        #expect(doc["to"] as? String == "2026-03")
        #expect(doc["as_of"] as? String == "2026-03-31")
        for unit in ["990101", "city"] {
            let want = try Self.metrics(expected, unit)
            let got = try Self.metrics(actual, unit)
            #expect(want.count == 19)
            for (key, value) in want {
                #expect(Self.same(got[key], value), "\(unit).\(key): expected \(value), got \(String(describing: got[key]))")
            }
        }
        let county = try #require((doc["counties"] as? [[String: Any]])?.first)
        #expect(county["status"] as? String == "ok")
        #expect(county["county_name"] as? String == "示例区")
    }

    @Test("as-of defaults to the last day of --to; output is identical between runs")
    func defaultsAndReproducible() throws {
        let a = try CLI.run(["metrics", "--json", "--to", "2026-03", CLI.exampleCSV])
        let b = try CLI.run(["metrics", "--json", "--to", "2026-03", CLI.exampleCSV])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.contains("\"as_of\": \"2026-03-31\""))
    }

    @Test("a later report month marks the county stale")
    func stale() throws {
        let r = try CLI.run(["metrics", "--json", "--to", "2026-04", CLI.exampleXML])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"status\": \"stale\""))
    }

    @Test("the readable table shows labels, 万元 and rates")
    func table() throws {
        let r = try CLI.run(["metrics", "--from", "2026-01", "--to", "2026-03", CLI.exampleXML])
        #expect(r.status == 0)
        #expect(r.stdout.contains("检查覆盖率"))
        #expect(r.stdout.contains("18.68"))
        #expect(r.stdout.contains("75.0%"))
    }

    @Test("bad windows are usage errors")
    func badWindow() throws {
        #expect(try CLI.run(["metrics", "--from", "2025-12", "--to", "2026-03", CLI.exampleXML]).status != 0)
        #expect(try CLI.run(["metrics", "--to", "2026-3", CLI.exampleXML]).status != 0)
    }

    @Test("an invalid submission stops the metrics with exit 1 and its findings")
    func invalidInput() throws {
        let copy = try CLI.tempCopy(CLI.exampleXML)
        let text = try String(contentsOfFile: copy, encoding: .utf8).replacingOccurrences(
            of: "<period>2026-03</period>", with: "<period>2026/03</period>")
        try text.write(toFile: copy, atomically: false, encoding: .utf8)
        let r = try CLI.run(["metrics", "--json", "--to", "2026-03", copy])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("header.period.format"))
    }

    @Test("two different files with the same county, period and submitted_on are an error naming both")
    func conflict() throws {
        let copy = try CLI.tempCopy(CLI.exampleXML)
        let text = try String(contentsOfFile: copy, encoding: .utf8).replacingOccurrences(
            of: "<prepared_by>王晓</prepared_by>", with: "<prepared_by>李四</prepared_by>")
        try text.write(toFile: copy, atomically: false, encoding: .utf8)
        let r = try CLI.run(["metrics", "--to", "2026-03", CLI.exampleXML, copy])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bundle.version_conflict"))
        #expect(r.stderr.contains(CLI.exampleXML) && r.stderr.contains(copy))
    }
}
