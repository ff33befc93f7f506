import Foundation
import FundWatchTestSupport
import Testing

@Suite("fundwatch tipoffs")
struct TipoffsCommandTests {
    /// The worked example with the fixture's tip-off register, as a CSV folder.
    static func exampleWithTipoffs() throws -> String {
        let folder = Scratch.root + "/fw-tipoffs-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: SharedFixtures.exampleCSV, toPath: folder)
        try FileManager.default.copyItem(atPath: SharedFixtures.exampleTipoffs + "/tipoffs.csv", toPath: folder + "/tipoffs.csv")
        return folder
    }

    static var config: String { SharedFixtures.exampleTipoffs + "/fundwatch.conf" }

    @Test("the example's register as of 2026-03-31 around the Spring Festival: JB-2026-003 overdue by 14 working days first; exit 3")
    func json() throws {
        let r = try CLI.run(["tipoffs", "--config", Self.config, "--as-of", "2026-03-31", "--format", "json", try Self.exampleWithTipoffs()])
        #expect(r.status == 3, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["as_of"] as? String == "2026-03-31")
        let tipoffs = try #require(doc["tipoffs"] as? [[String: Any]])
        #expect(tipoffs.map { $0["tipoff_id"] as? String } == ["JB-2026-003", "JB-2026-001", "JB-2026-004", "JB-2026-002", "JB-2026-005"])
        func steps(_ index: Int) -> [String] {
            ((tipoffs[index]["deadlines"] as? [[String: Any]]) ?? []).map { d in
                let due = d["due"] as? String ?? "-", left = (d["days_left"] as? Int).map(String.init) ?? "-"
                let over = (d["days_over"] as? Int).map(String.init) ?? "-"
                return "\(d["step"] as? String ?? "?") \(d["status"] as? String ?? "?") \(due) \(left) \(over)"
            }
        }
        #expect(steps(0) == ["decide overdue 2026-03-11 - 14", "inform pending - - -", "close pending - - -", "feedback pending - - -"])
        #expect(
            steps(1) == [
                "decide on_time 2026-03-09 - -", "inform late 2026-03-11 - 1", "close on_time 2026-05-28 - -", "feedback due 2026-04-13 8 -",
            ])
        #expect(steps(2) == ["decide due 2026-04-13 8 -", "inform pending - - -", "close pending - - -", "feedback pending - - -"])
        #expect(steps(3)[1] == "inform not_applicable - - -" && steps(3)[0] == "decide on_time 2026-03-23 - -")
        #expect(
            steps(4) == [
                "decide on_time 2026-01-26 - -", "inform on_time 2026-01-16 - -", "close not_applicable - - -", "feedback not_applicable - - -",
            ])
        #expect(
            tipoffs[1]["channel"] as? String == "hotline" && tipoffs[1]["real_name"] as? Bool == true && tipoffs[1]["decision"] as? String == "file")
        #expect(tipoffs[0]["decision"] is NSNull)
    }

    @Test("before the first deadline nothing is overdue: exit 0; without a calendar only weekends are days off")
    func exitZeroAndCalendar() throws {
        let folder = try Self.exampleWithTipoffs()
        let early = try CLI.run(["tipoffs", "--config", Self.config, "--as-of", "2026-03-09", folder])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(early.stdout.contains("JB-2026-003") && early.stdout.contains("办理中 2026-03-11 剩 2"))
        // Without the calendar the Spring Festival counts as working days: JB-2026-003 was due on 2026-03-05.
        let plain = try CLI.run(["tipoffs", "--as-of", "2026-03-31", "--format", "json", folder])
        #expect(plain.status == 3)
        #expect(plain.stdout.contains("\"due\": \"2026-03-05\""))
    }

    @Test("a calendar that cannot be read or is malformed is a configuration error naming the file and line: exit 1")
    func badCalendar() throws {
        let dir = Scratch.root + "/fw-cal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "[calendar]\nfile = \"cal.csv\"\n".write(toFile: dir + "/fw.conf", atomically: false, encoding: .utf8)
        let missing = try CLI.run(["tipoffs", "--config", dir + "/fw.conf", try Self.exampleWithTipoffs()])
        #expect(missing.status == 1 && missing.stderr.contains(dir + "/cal.csv"))
        try "date,kind\n2026-02-16,holiday\n2026-02-17,vacation\n".write(toFile: dir + "/cal.csv", atomically: false, encoding: .utf8)
        let bad = try CLI.run(["tipoffs", "--config", dir + "/fw.conf", try Self.exampleWithTipoffs()])
        #expect(bad.status == 1 && bad.stderr.contains(dir + "/cal.csv:3"))
    }

    @Test("every format shows the register and never a reporter", arguments: ["table", "json", "html", "xml", "csv"])
    func formats(format: String) throws {
        let r = try CLI.run(["tipoffs", "--config", Self.config, "--as-of", "2026-03-31", "--format", format, try Self.exampleWithTipoffs()])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stdout.contains("JB-2026-003") && r.stdout.contains("2026-03-11"))
        for secret in ["李某某", "13900000000", "王某", "赵某某"] {
            #expect(!r.stdout.contains(secret) && !r.stderr.contains(secret), "\(format) shows \(secret)")
        }
    }

    @Test("a return without tip-offs gives an empty register: exit 0")
    func none() throws {
        let r = try CLI.run(["tipoffs", "--format", "json", CLI.exampleXML])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"tipoffs\": []"))
    }

    @Test("metrics --json carries each county's and the city's tip-off figures (judged with --config's calendar); without a register, zeros")
    func metrics() throws {
        let r = try CLI.run(["metrics", "--json", "--to", "2026-03", "--config", Self.config, try Self.exampleWithTipoffs()])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let county = try #require((doc["counties"] as? [[String: Any]])?.first?["tipoffs"] as? [String: Any])
        #expect(county["received"] as? Int == 2 && county["filed"] as? Int == 1 && county["substantiated"] as? Int == 1)
        #expect(county["rewards_paid"] as? String == "500.00" && county["substantiation_rate"] as? String == "100.0%")
        let decide = try #require((county["steps"] as? [String: Any])?["decide"] as? [String: Any])
        #expect(decide["judged"] as? Int == 3 && decide["on_time"] as? Int == 2 && decide["rate"] as? String == "66.7%")
        let city = try #require((doc["city"] as? [String: Any])?["tipoffs"] as? [String: Any])
        #expect(city["received"] as? Int == 2)
        let plain = try CLI.run(["metrics", "--json", "--to", "2026-03", CLI.exampleXML])
        #expect(plain.stdout.contains("\"received\": 0") && plain.stdout.contains("\"substantiation_rate\": \"—\""))
    }
}
