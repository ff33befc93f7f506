import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchReports
import FundWatchTestSupport
import Testing

/// The six tables hold the figures of EXPECTED.md for the worked example.
@Suite("Report tables of the worked example")
struct TableTests {
    @Test("table 1: Q1 本期 and 累计 for the county and the total", arguments: [ReportFixture.exampleXML, ReportFixture.exampleCSV])
    func progress(path: String) throws {
        let t = try ReportFixture.table(try ReportFixture.document([path]), "table1")
        #expect(t.columns.count == 38)
        let expected: [(String, String)] = [
            ("designated", "4"), ("inspected", "3"), ("coverage_rate", "75.0%"), ("random_sampled", "1"), ("random_rate", "25.0%"),
            ("self_inspected", "1"), ("handled_institutions", "4"), ("handled_cases", "4"), ("closed_cases", "3"),
            ("amount_involved", "18.68"), ("refused_recovered", "13.86"), ("damages_fines", "1.17"), ("voluntary_refund", "0.52"),
            ("suspensions", "1"), ("terminations", "0"), ("police_transfers", "1"), ("discipline_transfers", "0"),
            ("exposures", "2"), ("rewards", "0.05"),
        ]
        for (key, value) in expected {
            for row in ["990101", "total"] {
                #expect(try ReportFixture.cell(t, row: row, column: "\(key).period") == value, "\(row) \(key)")
                #expect(try ReportFixture.cell(t, row: row, column: "\(key).ytd") == value, "\(row) \(key) ytd")
            }
        }
        #expect(t.rows.last?.isTotal == true)
        #expect(t.rows.last?.label == "合计")
    }

    @Test("table 1 for March alone: 本期 is March, 累计 is Q1")
    func progressMarch() throws {
        let t = try ReportFixture.table(try ReportFixture.document([ReportFixture.exampleXML], from: 3), "table1")
        let expected: [(String, String, String)] = [
            ("inspected", "2", "3"), ("coverage_rate", "50.0%", "75.0%"), ("random_sampled", "0", "1"), ("random_rate", "0.0%", "25.0%"),
            ("handled_cases", "3", "4"), ("closed_cases", "2", "3"), ("amount_involved", "17.82", "18.68"),
            ("refused_recovered", "13.00", "13.86"), ("damages_fines", "1.00", "1.17"), ("exposures", "1", "2"), ("rewards", "0.05", "0.05"),
        ]
        for (key, march, q1) in expected {
            #expect(try ReportFixture.cell(t, row: "990101", column: "\(key).period") == march, "\(key)")
            #expect(try ReportFixture.cell(t, row: "990101", column: "\(key).ytd") == q1, "\(key) ytd")
        }
    }

    @Test("table 2 by category")
    func categories() throws {
        let t = try ReportFixture.table(try ReportFixture.document([ReportFixture.exampleXML]), "table2")
        let keys = [
            "designated", "inspected", "coverage_rate", "handled_institutions", "amount_involved", "refused_recovered", "suspensions", "terminations",
        ]
        let expected: [String: [String]] = [
            "public_hospital": ["1", "1", "100.0%", "1", "12.50", "10.00", "0", "0"],
            "private_hospital": ["1", "1", "100.0%", "1", "0.86", "0.86", "0", "0"],
            "primary_care": ["1", "0", "0.0%", "1", "0.52", "0.00", "0", "0"],
            "pharmacy": ["1", "1", "100.0%", "1", "4.80", "3.00", "1", "0"],
            "total": ["4", "3", "75.0%", "4", "18.68", "13.86", "1", "0"],
        ]
        #expect(t.rows.map(\.key) == ["public_hospital", "private_hospital", "primary_care", "pharmacy", "total"])
        for (row, values) in expected {
            #expect(try keys.map { try ReportFixture.cell(t, row: row, column: $0) } == values, "\(row)")
        }
    }

    @Test("table 3 by violation: a case counts under each of its types, once in the total")
    func violations() throws {
        let t = try ReportFixture.table(try ReportFixture.document([ReportFixture.exampleXML]), "table3")
        #expect(try ReportFixture.cell(t, row: "duplicate_billing", column: "cases") == "1")
        #expect(try ReportFixture.cell(t, row: "over_standard", column: "amount_involved") == "12.50")
        #expect(try ReportFixture.cell(t, row: "card_misuse", column: "cases") == "1")
        #expect(try ReportFixture.cell(t, row: "drug_resale", column: "cases") == "0")  // 2025-118 opened in 2025
        #expect(try ReportFixture.cell(t, row: "total", column: "cases") == "4")
        #expect(try ReportFixture.cell(t, row: "total", column: "amount_involved") == "18.68")
        let sumOfRows = t.rows.filter { !$0.isTotal }.compactMap { row -> Int? in if case .count(let n) = row.cells[0] { n } else { nil } }.reduce(
            0, +)
        #expect(sumOfRows == 6)
    }

    @Test("table 4 agreement actions, mild to severe; the suspension by its length (2026-002: 6 months); every case an institution's")
    func actions() throws {
        let t = try ReportFixture.table(try ReportFixture.document([ReportFixture.exampleXML]), "table4")
        #expect(
            t.rows.map(\.key) == [
                "interview", "rectify", "withhold", "refuse", "damages", "suspend", "suspend.1", "suspend.2", "suspend.4", "suspend.6",
                "suspend.other", "terminate", "admin_penalty", "physician_points", "total",
            ])
        #expect(
            try t.rows.dropLast().map { try ReportFixture.cell(t, row: $0.key, column: "cases") }
                == ["1", "1", "0", "2", "2", "1", "0", "0", "0", "1", "0", "0", "0", "0"])
        #expect(try ReportFixture.cell(t, row: "suspend.6", column: "institutions") == "1")
        #expect(try ReportFixture.cell(t, row: "total", column: "subject.institution") == ReportFixture.cell(t, row: "total", column: "cases"))
        #expect(try ReportFixture.cell(t, row: "total", column: "subject.insured") == "0")
        #expect(try ReportFixture.cell(t, row: "suspend.6", column: "subject.institution") == "")
    }

    @Test("tables 3 and 4 count an insured person's and a physician's case by subject; tables 1 and 2 only institutions' cases")
    func subjects() throws {
        let folder = Scratch.root + "/fundwatch-subjects-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: ReportFixture.exampleCSV, toPath: folder)
        // 2026-002 becomes an insured person's case (card misuse; suspended 6 months), 2026-003 a physician's (6 points).
        var lines = try String(contentsOfFile: folder + "/cases.csv", encoding: .utf8).components(separatedBy: "\r\n")
        lines[0] += ",subject_type,physician_id,points"
        for i in 1..<lines.count where !lines[i].isEmpty { lines[i] += ",institution,," }
        lines[2] = lines[2].replacingOccurrences(of: "2026-002,P99010100001,", with: "2026-002,,").replacingOccurrences(
            of: ",institution,,", with: ",insured,,")
        lines[3] = lines[3].replacingOccurrences(of: "2026-003,H99010100002,", with: "2026-003,,")
            .replacingOccurrences(of: ",institution,,", with: ",physician,D9901001,6")
        try lines.joined(separator: "\r\n").write(toFile: folder + "/cases.csv", atomically: false, encoding: .utf8)
        let document = try ReportFixture.document([folder], from: 1)
        let plain = try ReportFixture.document([ReportFixture.exampleXML], from: 1)
        let t3 = try ReportFixture.table(document, "table3"), t4 = try ReportFixture.table(document, "table4")
        #expect(try ReportFixture.cell(t3, row: "card_misuse", column: "subject.insured") == "1")
        #expect(try ReportFixture.cell(t3, row: "phantom_bed", column: "subject.physician") == "1")
        #expect(try ReportFixture.cell(t3, row: "total", column: "subject.institution") == "2")  // 2026-001 and 2026-004 of the four opened in Q1
        #expect(
            try ReportFixture.cell(t3, row: "total", column: "cases")
                == ReportFixture.cell(ReportFixture.table(plain, "table3"), row: "total", column: "cases"))
        #expect(try ReportFixture.cell(t4, row: "suspend", column: "subject.insured") == "1")
        // The insured person's suspension counts no institution.
        #expect(
            try ReportFixture.cell(t4, row: "suspend.6", column: "cases") == "1"
                && ReportFixture.cell(t4, row: "suspend.6", column: "institutions") == "0")
        // Table 1 counts institutions' cases only: two fewer cases handled than the example's.
        let handled = { (d: ReportDocument) in try ReportFixture.cell(ReportFixture.table(d, "table1"), row: "990101", column: "handled_cases.period")
        }
        #expect(try Int(handled(plain))! - Int(handled(document))! == 2)
    }

    @Test("table 5 major-case notices: 2026-002 overdue by 6 days first, 2026-001 on time")
    func notices() throws {
        let t = try ReportFixture.table(try ReportFixture.document([ReportFixture.exampleXML]), "table5")
        #expect(t.rows.map(\.label) == ["2026-002", "2026-001"])
        #expect(try ReportFixture.cell(t, row: "990101/2026-002", column: "trigger") == "2026-03-18")
        #expect(try ReportFixture.cell(t, row: "990101/2026-002", column: "due") == "2026-03-25")
        #expect(try ReportFixture.cell(t, row: "990101/2026-002", column: "status") == "已逾期")
        #expect(try ReportFixture.cell(t, row: "990101/2026-002", column: "days_over") == "6")
        #expect(try ReportFixture.cell(t, row: "990101/2026-001", column: "trigger") == "2026-03-20")
        #expect(try ReportFixture.cell(t, row: "990101/2026-001", column: "due") == "2026-03-27")
        #expect(try ReportFixture.cell(t, row: "990101/2026-001", column: "sent") == "2026-03-26")
        #expect(try ReportFixture.cell(t, row: "990101/2026-001", column: "status") == "按时报送")
    }

    @Test("table 6 submission status: due 2026-04-05, sent 2026-04-03, on time")
    func status() throws {
        let t = try ReportFixture.table(try ReportFixture.document([ReportFixture.exampleXML]), "table6")
        #expect(try ReportFixture.cell(t, row: "990101", column: "first_submitted_on") == "2026-04-03")
        #expect(try ReportFixture.cell(t, row: "990101", column: "due") == "2026-04-05")
        #expect(try ReportFixture.cell(t, row: "990101", column: "timeliness") == "按时")
        #expect(try ReportFixture.cell(t, row: "990101", column: "status") == "正常")
    }

    @Test("provenance names the version and digest of each county")
    func provenance() throws {
        let d = try ReportFixture.document([ReportFixture.exampleXML])
        #expect(d.provenance.count == 1)
        #expect(d.provenance[0].submittedOn?.description == "2026-04-03")
        #expect(d.provenance[0].digest?.count == 64)
        #expect(d.inputDigest.count == 64)
        #expect(try ReportFixture.document([ReportFixture.exampleCSV]).inputDigest == d.inputDigest)
    }

    @Test("table 7 举报线索办理情况: March's tip-offs counted by their dates, each step's timeliness among the steps due by 2026-03-31, rewards by payment")
    func tipoffs() throws {
        let document = try ReportFixture.document([try ReportFixture.exampleWithTipoffs()], from: 3, policy: try ReportFixture.tipoffPolicy())
        let t = try ReportFixture.table(document, "table7")
        #expect(t.number == 7 && t.rows.count == 2)
        let keys = t.columns.map(\.key)
        func cell(_ row: Int, _ key: String) -> String { t.rows[row].cells[keys.firstIndex(of: key)!].display }
        // Received in March: JB-2026-002 (2 March) and JB-2026-004 (20 March); JB-2026-001 filed on 4 March and closed,
        // substantiated, on 20 March.
        #expect(["received", "filed", "closed", "substantiated", "substantiation_rate"].map { cell(0, $0) } == ["2", "1", "1", "1", "100.0%"])
        // Decisions due in March: JB-2026-001 (9 March, on time), JB-2026-003 (11 March, overdue), JB-2026-002 (23 March, on time).
        #expect(["decide.judged", "decide.on_time", "decide.rate"].map { cell(0, $0) } == ["3", "2", "66.7%"])
        // Informing JB-2026-001's reporter was due on 11 March and done on the 12th.
        #expect(["inform.judged", "inform.on_time", "inform.rate"].map { cell(0, $0) } == ["1", "0", "0.0%"])
        // Nothing else fell due in March: no rate.
        #expect(["close.judged", "close.rate", "feedback.judged", "feedback.rate"].map { cell(0, $0) } == ["0", "—", "0", "—"])
        #expect(cell(0, "rewards_paid") == "0.05")
        #expect(t.rows[1].isTotal && t.rows[1].cells.map(\.display) == t.rows[0].cells.map(\.display))
        // Without a register, zeros and no rates; the six tables are as before.
        let plain = try ReportFixture.document([ReportFixture.exampleXML], from: 3)
        let empty = try ReportFixture.table(plain, "table7")
        #expect(empty.rows[0].cells.map(\.display).prefix(5) == ["0", "0", "0", "0", "—"])
        for id in ["table1", "table2", "table3", "table4", "table5"] {
            #expect(try ReportFixture.table(plain, id) == ReportFixture.table(document, id), "\(id)")
        }
        // Table 6 differs only in the content digest, which covers the register.
        let (a, b) = (try ReportFixture.table(plain, "table6"), try ReportFixture.table(document, "table6"))
        let digest = a.columns.firstIndex { $0.key == "digest" }!
        #expect(
            a.rows.map { $0.cells.enumerated().filter { $0.offset != digest }.map(\.element) }
                == b.rows.map { $0.cells.enumerated().filter { $0.offset != digest }.map(\.element) })
        #expect(a.rows[0].cells[digest] != b.rows[0].cells[digest])
    }

    @Test("the evaluation weighs informing and feeding back to reporters only when given a weight: 0 by default, no column")
    func tipoffTimelinessIndicator() throws {
        let input = try ReportInput(
            versions: ReadBatch(paths: [try ReportFixture.exampleWithTipoffs()]).versions,
            window: Window(from: YearMonth(year: 2026, month: 3)!, to: YearMonth(year: 2026, month: 3)!), asOf: Day(iso: "2026-03-31")!,
            policy: try ReportFixture.tipoffPolicy(), tieRule: .refuseDifferentContents)
        let builder = ReportBuilder(input)
        let standard = builder.evaluation(.standard)
        #expect(!standard.scores[0].results.contains { $0.indicator == .tipoffTimeliness })
        #expect(!builder.scorecard(.standard).tables[0].columns.contains { $0.key.hasPrefix("tipoff_timeliness") })
        var weighed = EvaluationMethod.standard
        weighed.weights[.dataQuality] = 0
        weighed.weights[.tipoffTimeliness] = 10
        let result = try #require(builder.evaluation(weighed).scores[0].results.first { $0.indicator == .tipoffTimeliness })
        // JB-2026-001's reporter was informed a working day late (due 11 March); no feedback fell due in March.
        #expect(result.value == "0.0%" && result.numerator == 0 && result.denominator == 1 && result.pointsTenths == 0)
        #expect(builder.scorecard(weighed).tables[0].columns.contains { $0.key == "tipoff_timeliness.points" })
    }
}
