import Foundation
import FundWatchTestSupport
import Testing

@Suite("fundwatch validate, and the reporter's confidentiality")
struct ValidateCommandTests {
    static let reporterFragments = ["张某某", "13800000000"]

    @Test("valid submissions exit 0")
    func valid() throws {
        let r = try CLI.run(["validate", CLI.exampleXML, CLI.exampleCSV])
        #expect(r.status == 0)
        #expect(r.stdout.contains("通过 valid"))
    }

    @Test("an error exits 1; --json lists the finding with rule and line")
    func invalidJSON() throws {
        let copy = try CLI.tempCopy(CLI.exampleCSV)
        let file = copy + "/inspections.csv"
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "2026-02-20,random", with: "2026-02-20,lottery")
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        let r = try CLI.run(["validate", "--json", copy])
        #expect(r.status == 1)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["valid"] as? Bool == false)
        #expect(doc["errors"] as? Int == 1)
        let submission = try #require((doc["submissions"] as? [[String: Any]])?.first)
        let finding = try #require((submission["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "inspections.method.format")
        #expect(finding["line"] as? Int == 4)
        #expect(finding["column"] as? String == "method")
        #expect(finding["severity"] as? String == "error")
        #expect((finding["expected"] as? String)?.contains("双随机抽查 random") == true)
        #expect(finding["label"] as? String == "检查方式")
    }

    @Test("a missing path exits 1")
    func missingPath() throws {
        let r = try CLI.run(["validate", "/nonexistent/submission.xml"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("input.not_found"))
    }

    @Test(
        "the reporter of case 2026-002 appears in no output or error",
        arguments: [
            ["validate", "--json"], ["validate"], ["metrics", "--json", "--to", "2026-03"], ["metrics", "--to", "2026-03"],
        ])
    func reporterNeverShown(command: [String]) throws {
        // Break every field of the reporter's row, so that its findings are printed too.
        let csv = try CLI.tempCopy(CLI.exampleCSV)
        let cases = csv + "/cases.csv"
        var text = try String(contentsOfFile: cases, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "2026-002,P99010100001,2026-03-13,,tipoff,card_misuse;non_medical_goods,48000,0,30000",
            with: "2026-002,P99010100009,2026-13-13,x,tip,card;goods,48k,-1,3e4")
        try text.write(toFile: cases, atomically: false, encoding: .utf8)
        let xml = try CLI.tempCopy(CLI.exampleXML)
        var xmlText = try String(contentsOfFile: xml, encoding: .utf8)
        xmlText = xmlText.replacingOccurrences(of: "<reporter>", with: "<reporter><b>").replacingOccurrences(
            of: "</reporter>", with: "</b></reporter>")
        try xmlText.write(toFile: xml, atomically: false, encoding: .utf8)
        for paths in [[CLI.exampleCSV, CLI.exampleXML], [csv], [xml]] {
            let r = try CLI.run(command + paths)
            for fragment in Self.reporterFragments {
                #expect(!r.stdout.contains(fragment), "stdout of \(command) \(paths) leaks the reporter")
                #expect(!r.stderr.contains(fragment), "stderr of \(command) \(paths) leaks the reporter")
            }
        }
    }

    @Test(
        "plausibility: 西山区's October against its September (the corrected v2) says row.changed with the case id, from the folder and from --db; exit 0"
    )
    func plausibility() throws {
        let county = CLI.sampleCity + "/990202-西山区"
        let october = county + "/990202-2026-10-csv"
        let together = try CLI.run(["validate", county])
        #expect(together.status == 0, "\(together.stderr)")
        let line = "990202-2026-10-csv [案件编号 case_id]: warning plausibility.row.changed: 已结案案件的金额、违规类型或处理方式与上月不同:案件编号 2026-019"
        #expect(together.stderr.contains(line), "\(together.stderr)")
        let db = Scratch.root + "/validate-\(UUID().uuidString).sqlite"
        let earlier = try FileManager.default.contentsOfDirectory(atPath: county).filter { !$0.contains("2026-10") }.map { county + "/" + $0 }
        #expect(try CLI.run(["import", "--db", db] + earlier).status == 0)
        let againstStore = try CLI.run(["validate", "--db", db, october])
        #expect(againstStore.status == 0, "\(againstStore.stderr)")
        #expect(againstStore.stderr.contains(line), "\(againstStore.stderr)")
        let alone = try CLI.run(["validate", october])
        #expect(!alone.stderr.contains("plausibility.row"), "no previous month, no comparison")
        let json = try CLI.run(["validate", "--json", "--db", db, october])
        #expect(json.stdout.contains("\"rule\": \"plausibility.row.changed\",\n          \"key\": \"2026-019\","), "\(json.stdout.prefix(2000))")
    }
}
