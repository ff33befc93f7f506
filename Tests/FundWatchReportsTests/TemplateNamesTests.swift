import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchTestSupport
import Testing

@testable import FundWatchReports

/// The report templates against their typed views: a name a template asks for that its
/// view does not have is recorded (it would print as an empty cell), for the built-in
/// templates and for a bureau's own copy.
@Suite("Template names against the document views")
struct TemplateNamesTests {
    @Test("the built-in report, notice and bulletin templates ask only for names their views have")
    func builtInTemplates() throws {
        let templates = try TemplateSet.defaults()
        let writer = ReportWriter(templates: templates)
        let files = try writer.render(try ReportFixture.document([ReportFixture.exampleXML], from: 1), formats: [.html, .xml])
        #expect(files.map(\.name) == ["report.html", "report.xml"])

        let submission = try #require(ReadBatch(paths: [ReportFixture.exampleXML]).outcomes.first?.submission)
        let asOf = try #require(Day(year: 2026, month: 3, day: 31))
        let notice = try #require(NoticeDocument(countyCode: "990101", caseID: "2026-002", in: [submission], policy: .standard, asOf: asOf))
        let sink = MemorySink()
        #expect(try writer.write(notice, into: sink) == ["notice-990101-2026-002.html", "notice-990101-2026-002.xml"])

        let bulletin = BulletinBuilder(
            current: try EvaluationBulletinTests.input(from: 9, to: 9), previous: try EvaluationBulletinTests.input(from: 8, to: 8), lastYear: nil,
            settings: .standard)
        #expect(!bulletin.exposedCases().isEmpty, "the cases section is rendered, so its names are looked up")
        #expect(try writer.render(bulletin).map(\.name) == ["bulletin-2026-09.html", "bulletin-2026-09.txt"])
        #expect(templates.unansweredNames.isEmpty, "\(templates.unansweredNames)")
    }

    @Test("a bureau's copy with a misspelt name is caught: report.html asks for windowTxt")
    func misspeltName() throws {
        let folder = Scratch.root + "/templates-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: try TemplateSet.defaults().directory, toPath: folder)
        let path = folder + "/report.html.mustache"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("{{windowText}}"))
        try text.replacingOccurrences(of: "{{windowText}}", with: "{{windowTxt}}").write(toFile: path, atomically: true, encoding: .utf8)
        let templates = try TemplateSet(directory: folder)
        _ = try ReportWriter(templates: templates).render(try ReportFixture.document([ReportFixture.exampleXML]), formats: [.html])
        #expect(templates.unansweredNames == ["report.html: windowTxt"])
    }
}
