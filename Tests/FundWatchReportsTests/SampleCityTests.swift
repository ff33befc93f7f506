import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchReports
import FundWatchSampleData
import FundWatchTestSupport
import Testing

@Suite("The sample city")
struct SampleCityTests {
    static func generate() throws -> String {
        let folder = Scratch.root + "/fundwatch-city-" + UUID().uuidString
        _ = try SampleCity.standard().write(to: folder)
        return folder
    }

    static func allFiles(_ root: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[relative] = FileManager.default.contents(atPath: root + "/" + relative)
            }
        }
        return out
    }

    @Test("generation is deterministic: the same seed gives the same bytes")
    func deterministic() throws {
        let a = try Self.allFiles(try Self.generate())
        let b = try Self.allFiles(try Self.generate())
        #expect(a.count == 37 * 5 + 24 + 10)  // 37 CSV folders of five files (tipoffs.csv the fifth), 24 XML files, 10 zips
        #expect(a == b)
    }

    @Test("every return is valid, in every encoding; the October report marks the irregular counties")
    func valid() throws {
        let set = ReadBatch(paths: [try Self.generate()])
        #expect(set.outcomes.count == 71)
        #expect(!set.hasErrors, "\(set.outcomes.flatMap { $0.findings.findings.map(\.formatted) }.prefix(5))")
        let october = YearMonth(year: 2026, month: 10)!
        let input = try ReportInput(
            versions: set.versions, window: try Window(to: october), asOf: october.lastDay,
            policy: .standard, tieRule: .refuseDifferentContents)
        let statuses = Dictionary(uniqueKeysWithValues: input.choices.map { ($0.countyCode, $0.status) })
        #expect(statuses == ["990201": .ok, "990202": .ok, "990203": .ok, "990204": .ok, "990205": .stale, "990206": .ok])
        let table6 = try #require(ReportBuilder(input).document().tables.first { $0.id == "table6" })
        let timeliness = Dictionary(uniqueKeysWithValues: table6.rows.map { ($0.key, $0.cells[3].display) })
        #expect(timeliness["990206"] == "迟报4天")
        #expect(timeliness["990205"] == "未到期")
        #expect(ReportBuilder(input).notices.contains { $0.status == .overdue })
    }

    @Test("the by-category metrics of every return add up to the return's own metrics")
    func categoriesAddUp() throws {
        let set = ReadBatch(paths: [try Self.generate()])
        let submissions = set.outcomes.compactMap(\.submission)
        #expect(submissions.count == 71)
        for submission in submissions {
            for window in [try Window(to: submission.header.period), Window.yearToDate(submission.header.period)] {
                let byCategory = Metrics.grouped(submission, window: window, by: \.category)
                let whole = Metrics(submission: submission, window: window)
                #expect(Metrics.sum(byCategory.values) == whole)
                let hospitals = Metrics(submission: submission, window: window, including: { $0.category == .publicHospital })
                #expect(byCategory[.publicHospital] ?? Metrics() == hospitals)
            }
        }
        let some = try #require(submissions.first { Metrics(submission: $0, window: .yearToDate($0.header.period)).handledCases > 0 })
        #expect(Metrics.grouped(some, window: .yearToDate(some.header.period), by: \.category).count > 1)
    }

    @Test("a corrected September return replaces the first one")
    func secondVersion() throws {
        let set = ReadBatch(paths: [try Self.generate()])
        let september = YearMonth(year: 2026, month: 9)!
        let choices = try chooseVersions(set.versions, for: september, tieRule: .refuseDifferentContents)
        let xishan = try #require(choices.first { $0.countyCode == "990202" })
        #expect(xishan.chosen?.origin.hasSuffix("990202-2026-09-v2-csv") == true)
    }

    @Test("no reporter text reaches any report file")
    func reporterAbsent() throws {
        let set = ReadBatch(paths: [try Self.generate()])
        let reporters = set.outcomes.compactMap(\.submission).flatMap { $0.cases.map(\.reporter.revealedForStorage) }.filter { !$0.isEmpty }
        #expect(reporters.count > 5)
        let october = YearMonth(year: 2026, month: 10)!
        let input = try ReportInput(
            versions: set.versions, window: Window.yearToDate(october), asOf: october.lastDay,
            policy: .standard, tieRule: .refuseDifferentContents)
        let files = try ReportWriter(templates: try TemplateSet.defaults()).render(
            ReportBuilder(input).document(), formats: Set(ReportFormat.allCases))
        for file in files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            for reporter in Set(reporters) {
                #expect(!text.contains(reporter), "\(file.name) leaks a reporter")
                #expect(!text.contains(String(reporter.suffix(11))), "\(file.name) leaks a reporter's phone")
            }
        }
    }
}
