import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchSampleData
import FundWatchTestSupport
import FundWatchXML
import Testing

@testable import FundWatchReports

@Suite("Evaluation and bulletin on the sample city")
struct EvaluationBulletinTests {
    static let city: String = {
        let folder = Scratch.root + "/fundwatch-city-" + UUID().uuidString
        _ = try! SampleCity.standard().write(to: folder)
        return folder
    }()

    static func input(from: Int, to: Int) throws -> ReportInput {
        let set = ReadBatch(paths: [city])
        let window = try Window(from: YearMonth(year: 2026, month: from), to: YearMonth(year: 2026, month: to)!)
        return try ReportInput(versions: set.versions, window: window, asOf: window.lastDay, policy: .standard, tieRule: .refuseDifferentContents)
    }

    /// Points by hand: weight × min(1, achieved ÷ target), to one decimal, half up.
    static func points(_ weight: Double, _ achieved: Double, _ target: Double) -> Int {
        let share = target == 0 ? 1 : min(1, max(0, achieved / target))
        return Int((weight * share * 10).rounded(.toNearestOrAwayFromZero))
    }

    @Test("东湖区's score recomputed by hand from its metrics, notices and returns")
    func scoreByHand() throws {
        let input = try Self.input(from: 1, to: 10)
        let builder = ReportBuilder(input)
        let evaluation = builder.evaluation(.standard)
        let score = try #require(evaluation.scores.first { $0.countyCode == "990201" })
        let m = try #require(builder.period.counties.first { $0.countyCode == "990201" }?.metrics)
        let city = builder.period.city
        let set = ReadBatch(paths: [Self.city])
        let submission = try #require(
            set.versions.filter { $0.countyCode == "990201" && $0.period == input.window.to }
                .max { $0.submittedOn < $1.submittedOn }?.payload)

        // The facts, gathered independently of the scorer.
        let notices = builder.notices.filter { $0.countyCode == "990201" && $0.due != nil && input.window.contains($0.due!) && $0.due! <= input.asOf }
        let onTimeNotices = notices.filter { $0.status == .onTime }.count
        var returnsJudged = 0, returnsOnTime = 0
        for month in 1...10 {
            let t = input.timeliness(county: "990201", month: YearMonth(year: 2026, month: month)!)
            if t != .notYetDue { returnsJudged += 1 }
            if t == .onTime { returnsOnTime += 1 }
        }
        let warnings = submission.cases.filter { $0.amountRefused.fen + $0.amountRecovered.fen > $0.amountInvolved.fen }.count
        let rows = submission.institutions.count + submission.inspections.count + submission.cases.count

        let expected: [Int] = [
            Self.points(20, Double(m.inspected) / Double(m.designated), 1.0),
            Self.points(10, Double(m.randomSampled) / Double(m.designated), 0.05),
            Self.points(
                15, (Double(m.refusedRecovered.fen) / Double(m.designated)) / (Double(city.refusedRecovered.fen) / Double(city.designated)), 1),
            Self.points(10, (Double(m.handledInstitutions) / Double(m.designated)) / (Double(city.handledInstitutions) / Double(city.designated)), 1),
            notices.isEmpty ? 150 : Self.points(15, Double(onTimeNotices), Double(notices.count)),
            Self.points(10, Double(m.exposures), 10),
            Self.points(10, Double(returnsOnTime), Double(returnsJudged)),
            Self.points(10, 1 - (Double(warnings) * 100 / Double(rows)) / 5, 1),
        ]
        #expect(score.results.map(\.pointsTenths) == expected)
        #expect(score.scoreTenths == expected.reduce(0, +))
        #expect(score.results.count == 8)
        // Ranks follow scores; the band follows the default thresholds.
        let sorted = evaluation.scores.map(\.scoreTenths)
        #expect(sorted == sorted.sorted(by: >))
        #expect(score.band == (score.scoreTenths >= 850 ? .green : score.scoreTenths >= 700 ? .yellow : .red))
        #expect(evaluation.scores.first?.rank == 1)
    }

    @Test("the scorecard renders in all formats; its XML validates; the method is printed under the table")
    func scorecard() throws {
        let document = ReportBuilder(try Self.input(from: 1, to: 10)).scorecard(.standard)
        let files = try ReportWriter(templates: try TemplateSet.defaults()).render(document, formats: Set(ReportFormat.allCases))
        let xml = try #require(files.first { $0.name == "report.xml" })
        let xsd = try #require(FileManager.default.contents(atPath: try TemplateSet.defaults().directory + "/report.xsd"))
        #expect(XMLSchemaCheck.problems(in: xml.bytes, name: "evaluation.xml", schema: xsd).isEmpty)
        let html = String(decoding: try #require(files.first { $0.name == "report.html" }).bytes, as: UTF8.self)
        #expect(html.contains("每项得分 = 权重 × min(1, 完成比例)"))
        #expect(html.contains("检查覆盖率(权重20)"))
        #expect(document.tables[0].rows.count == 7)  // six counties and the city reference
    }

    @Test(
        "weights not summing to 100, and an unknown indicator, are configuration errors naming the line",
        arguments: [
            ("[evaluation.weights]\ncoverage_rate = 30\n", 2, "sum to 110, not 100"),
            ("# c\n[evaluation.weights]\ncoverage_rate = 25\nrandom_rate = 5\ncoverage = 1\n", 5, "unknown indicator coverage"),
            ("[evaluation.targets]\nrandom_rate_percent = 0\n", 2, "whole number from 1"),
            ("[evaluation.bands]\ngreen_from = 60\nyellow_from = 70\n", 2, "must not exceed"),
            ("[bulletin]\nhotline = 12393\n", 2, "quoted text"),
        ])
    func configErrors(text: String, line: Int, message: String) {
        #expect {
            try Settings(try ConfigFile(text: text, file: "fw.conf"))
        } throws: { error in
            guard let p = error as? ConfigFile.Problem else { return false }
            return p.line == line && p.message.contains(message)
        }
    }

    @Test("weights that move points between indicators and still sum to 100 are accepted")
    func validWeights() throws {
        let text = "[evaluation.weights]\ncoverage_rate = 30\ndata_quality = 0\n[bulletin]\nhotline = \"0000-12393\"\n"
        let c = try Settings(try ConfigFile(text: text, file: "fw.conf"))
        #expect(c.evaluation.weights[.coverageRate] == 30)
        #expect(c.evaluation.weights.values.reduce(0, +) == 100)
        #expect(c.bulletin.hotline == "0000-12393")
    }

    static func bulletin(_ month: Int, settings: BulletinSettings = .standard) throws -> (html: String, text: String) {
        let builder = BulletinBuilder(
            current: try input(from: month, to: month), previous: try input(from: month - 1, to: month - 1),
            lastYear: nil, settings: settings)
        let files = try ReportWriter(templates: try TemplateSet.defaults()).render(builder)
        #expect(files.map(\.name) == ["bulletin-2026-\(month < 10 ? "0" : "")\(month).html", "bulletin-2026-\(month < 10 ? "0" : "")\(month).txt"])
        return (String(decoding: files[0].bytes, as: UTF8.self), String(decoding: files[1].bytes, as: UTF8.self))
    }

    @Test("every SVG chart of the bulletin is well-formed XML (libxml2), with axes, labels and values")
    func svgWellFormed() throws {
        let html = try Self.bulletin(9).html
        let svgs = html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(svgs.count == 2)
        for svg in svgs {
            #expect(XMLSchemaCheck.problems(in: Array(svg.utf8), name: "chart.svg", schema: nil).isEmpty, "\(svg.prefix(200))")
            #expect(svg.contains("<rect"))
            #expect(svg.contains("东湖区"))
            #expect(svg.contains("<line"))
        }
        #expect(svgs[0].contains("100%"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
    }

    @Test("the bulletin shows month, year to date, change, the exposed cases and the hotline; no reporter")
    func bulletinContent() throws {
        var settings = BulletinSettings()
        settings.hotline = "0999-12393"
        settings.issuer = "示例市医疗保障局"
        let (html, text) = try Self.bulletin(9, settings: settings)
        for doc in [html, text] {
            #expect(doc.contains("0999-12393"))
            #expect(doc.contains("示例市医疗保障局"))
            #expect(doc.contains("拒付及追回金额"))
            #expect(doc.contains("环比"))
        }
        let builder = BulletinBuilder(current: try Self.input(from: 9, to: 9), previous: nil, lastYear: nil, settings: settings)
        let exposed = builder.exposedCases()
        #expect(!exposed.isEmpty)
        for c in exposed { #expect(text.contains(c.institution)) }
        // No reporter text of any case of the city reaches either version.
        let submissions = ReadBatch(paths: [Self.city]).outcomes.compactMap(\.submission)
        let reporters = submissions.flatMap { $0.cases.map(\.reporter.revealedForStorage) + $0.tipoffs.map(\.reporter.revealedForStorage) }
            .filter { !$0.isEmpty }
        #expect(submissions.contains { $0.tipoffs.contains { !$0.reporter.isEmpty } })
        // The sample city's tip-off line: the month's and the year's.
        #expect(text.contains("9月受理举报线索") && text.contains("2026年累计受理"))
        #expect(!reporters.isEmpty)
        for r in Set(reporters) {
            #expect(!html.contains(r) && !text.contains(r))
            #expect(!html.contains(String(r.suffix(11))) && !text.contains(String(r.suffix(11))))
        }
    }

    @Test("the bulletin's tip-off line: the month's and the year's tip-offs received, substantiated and rewards paid; none without a register")
    func tipoffLine() throws {
        func input(_ path: String) throws -> ReportInput {
            let window = try Window(from: YearMonth(year: 2026, month: 3)!, to: YearMonth(year: 2026, month: 3)!)
            return try ReportInput(
                versions: ReadBatch(paths: [path]).versions, window: window, asOf: window.lastDay, policy: try ReportFixture.tipoffPolicy(),
                tieRule: .refuseDifferentContents)
        }
        let builder = BulletinBuilder(current: try input(try ReportFixture.exampleWithTipoffs()), previous: nil, lastYear: nil, settings: .standard)
        #expect(
            builder.tipoffLine()
                == "3月受理举报线索 2 件,查实 1 件,发放举报奖励 500.00 元;2026年累计受理 5 件,查实 1 件,发放举报奖励 500.00 元。")
        let files = try ReportWriter(templates: try TemplateSet.defaults()).render(builder)
        for file in files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(text.contains("2026年累计受理 5 件") && !text.contains("李某某") && !text.contains("13900000000"), "\(file.name)")
        }
        #expect(BulletinBuilder(current: try input(ReportFixture.exampleXML), previous: nil, lastYear: nil, settings: .standard).tipoffLine() == nil)
    }

    @Test("change against a period is exact and says — without a base")
    func change() {
        #expect(BulletinBuilder.change(150, 100) == "+50.0%")
        #expect(BulletinBuilder.change(2, 3) == "-33.3%")
        #expect(BulletinBuilder.change(5, 0) == "—")
        #expect(BulletinBuilder.change(100, 100) == "+0.0%")
    }
}
