import Foundation
import FundWatchTestSupport
import Testing

@Suite("fundwatch notices, notice, timeliness")
struct NoticesCommandTests {
    @Test("the worked example: 2026-002 overdue by 6 days first, 2026-001 on time; exit 3")
    func json() throws {
        let r = try CLI.run(["notices", "--as-of", "2026-03-31", "--format", "json", CLI.exampleXML])
        #expect(r.status == 3)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["as_of"] as? String == "2026-03-31")
        let notices = try #require(doc["notices"] as? [[String: Any]])
        #expect(notices.count == 2)
        #expect(notices[0]["case_id"] as? String == "2026-002")
        #expect(notices[0]["county_code"] as? String == "990101")
        #expect(notices[0]["trigger"] as? String == "2026-03-18")
        #expect(notices[0]["due"] as? String == "2026-03-25")
        #expect(notices[0]["status"] as? String == "overdue")
        #expect(notices[0]["days_left"] is NSNull)
        #expect(notices[0]["days_over"] as? Int == 6)
        #expect(notices[1]["case_id"] as? String == "2026-001")
        #expect(notices[1]["status"] as? String == "on_time")
        #expect(notices[1]["trigger"] as? String == "2026-03-20")
    }

    @Test("nothing overdue: exit 0")
    func exitZero() throws {
        let r = try CLI.run(["notices", "--as-of", "2026-03-25", CLI.exampleCSV])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("待报送 due"))
    }

    @Test("as-of defaults to the last day of the latest month submitted")
    func defaultAsOf() throws {
        let r = try CLI.run(["notices", "--format", "json", CLI.exampleXML])
        #expect(r.status == 3)
        #expect(r.stdout.contains("\"as_of\": \"2026-03-31\""))
    }

    @Test("the configuration changes the deadline: 10 days makes 2026-002 due, exit 0")
    func configured() throws {
        let config = Scratch.root + "/fw-\(UUID().uuidString).conf"
        try "[notices]\nnotice_days = 14\n".write(toFile: config, atomically: false, encoding: .utf8)
        let r = try CLI.run(["notices", "--config", config, "--as-of", "2026-03-31", "--format", "json", CLI.exampleXML])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"due\": \"2026-04-01\""))
        try "[notices]\nnotice_dayz = 14\n".write(toFile: config, atomically: false, encoding: .utf8)
        let bad = try CLI.run(["notices", "--config", config, CLI.exampleXML])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\(config):2:"))
    }

    @Test("html, xml and csv formats render the register", arguments: ["html", "xml", "csv"])
    func formats(format: String) throws {
        let r = try CLI.run(["notices", "--as-of", "2026-03-31", "--format", format, CLI.exampleXML])
        #expect(r.status == 3)
        #expect(r.stdout.contains("2026-002"))
        #expect(r.stdout.contains("2026-03-25"))
        #expect(!r.stdout.contains("张某某") && !r.stdout.contains("13800000000"))
    }

    @Test("the notice document of 2026-002 carries the facts and never the reporter")
    func noticeDocument() throws {
        let out = Scratch.root + "/fw-notice-" + UUID().uuidString
        let r = try CLI.run(["notice", "--county", "990101", "--case", "2026-002", "--as-of", "2026-03-31", "--out", out, CLI.exampleCSV])
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == ["notice-990101-2026-002.html", "notice-990101-2026-002.xml"])
        for name in names {
            let text = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
            #expect(text.contains("群众举报,现场核查属实"))
            #expect(text.contains("《医疗保障基金使用监督管理条例》第四十条"))
            #expect(text.contains("2026-03-25"))
            #expect(text.contains("48000.00"))
            #expect(!text.contains("张某某") && !text.contains("13800000000"), "\(name) leaks the reporter")
        }
        let xml = try String(contentsOfFile: out + "/notice-990101-2026-002.xml", encoding: .utf8)
        #expect(xml.contains("<deadline status=\"overdue\" days_over=\"6\" as_of=\"2026-03-31\">"))
    }

    @Test("a case that is not major, or unknown, is an error")
    func notMajor() throws {
        let out = Scratch.root + "/fw-notice-" + UUID().uuidString
        let minor = try CLI.run(["notice", "--county", "990101", "--case", "2026-003", "--out", out, CLI.exampleXML])
        #expect(minor.status == 1)
        #expect(minor.stderr.contains("not a major case"))
        let unknown = try CLI.run(["notice", "--county", "990101", "--case", "2099-001", "--out", out, CLI.exampleXML])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no case 2099-001"))
    }

    @Test("the timeliness grid: March on time; April (due 5 May) not yet due on the 5th, missing after")
    func timeliness() throws {
        let out = Scratch.root + "/fw-tl-" + UUID().uuidString
        let r = try CLI.run(["timeliness", "--to", "2026-04", "--as-of", "2026-05-06", "--out", out, CLI.exampleXML])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try String(contentsOfFile: out + "/timeliness.csv", encoding: .utf8)
        #expect(csv.contains("示例区,未报,未报,按时,未报"))
        let early = try CLI.run(["timeliness", "--to", "2026-04", "--as-of", "2026-05-05", "--out", out, CLI.exampleXML])
        #expect(early.status == 0)
        #expect(try String(contentsOfFile: out + "/timeliness.csv", encoding: .utf8).contains("示例区,未报,未报,按时,未到期"))
        #expect(FileManager.default.fileExists(atPath: out + "/timeliness.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/timeliness.xml"))
    }
}

@Suite("fundwatch evaluate and bulletin")
struct EvaluateBulletinCommandTests {
    @Test("evaluate writes the scorecard in four formats, from files and from the store alike")
    func evaluate() throws {
        let out = Scratch.root + "/fw-eval-" + UUID().uuidString
        let r = try CLI.run(["evaluate", "--from", "2026-01", "--to", "2026-09", "--out", out, CLI.sampleCity])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
                "evaluation.csv", "evaluation.html", "evaluation.xlsx", "evaluation.xml",
            ])
        let csv = try String(contentsOfFile: out + "/evaluation.csv", encoding: .utf8)
        #expect(csv.contains("总分(分),排名,等级"))
        let db = Scratch.root + "/fw-eval-\(UUID().uuidString).sqlite"
        #expect(try CLI.run(["import", "--db", db, CLI.sampleCity]).status == 0)
        let out2 = Scratch.root + "/fw-eval-" + UUID().uuidString
        #expect(try CLI.run(["evaluate", "--from", "2026-01", "--to", "2026-09", "--db", db, "--out", out2]).status == 0)
        #expect(FileManager.default.contents(atPath: out + "/evaluation.csv") == FileManager.default.contents(atPath: out2 + "/evaluation.csv"))
    }

    @Test("a configuration whose weights do not sum to 100 stops evaluate, naming the line")
    func badWeights() throws {
        let config = Scratch.root + "/fw-\(UUID().uuidString).conf"
        try "# weights\n[evaluation.weights]\ncoverage_rate = 40\n".write(toFile: config, atomically: false, encoding: .utf8)
        let r = try CLI.run(["evaluate", "--to", "2026-09", "--config", config, "--out", Scratch.root + "/fw-x", CLI.sampleCity])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(config):3:"))
        #expect(r.stderr.contains("sum to 120"))
    }

    @Test("bulletin writes the page and the plain text; the hotline comes from the configuration")
    func bulletin() throws {
        let config = Scratch.root + "/fw-\(UUID().uuidString).conf"
        try "[bulletin]\nissuer = \"示例市医疗保障局\"\nhotline = \"0999-12393\"\n".write(toFile: config, atomically: false, encoding: .utf8)
        let out = Scratch.root + "/fw-bulletin-" + UUID().uuidString
        let r = try CLI.run(["bulletin", "--period", "2026-09", "--config", config, "--out", out, CLI.sampleCity])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: out + "/bulletin-2026-09.txt", encoding: .utf8)
        #expect(text.hasPrefix("【示例市医疗保障局】2026年9月医保基金监管工作通报"))
        #expect(text.contains("举报电话:0999-12393"))
        #expect(!text.contains("电话139"))
        let html = try String(contentsOfFile: out + "/bulletin-2026-09.html", encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(!html.contains("电话139"))
    }
}
