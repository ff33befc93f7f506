import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchReports
import FundWatchTestSupport
import Testing

enum ReportFixture {
    static var exampleXML: String { SharedFixtures.exampleXML }
    static var exampleCSV: String { SharedFixtures.exampleCSV }

    /// The report of `paths` over `from … 2026-03` as of 2026-03-31.
    static func document(_ paths: [String], from: Int = 1, asOf: String = "2026-03-31", policy: Policy = .standard) throws -> ReportDocument {
        let set = ReadBatch(paths: paths)
        #expect(!set.hasErrors)
        let window = try Window(from: YearMonth(year: 2026, month: from), to: YearMonth(year: 2026, month: 3)!)
        let input = try ReportInput(
            versions: set.versions, window: window, asOf: Day(iso: asOf)!, policy: policy,
            tieRule: .refuseDifferentContents)
        return ReportBuilder(input).document()
    }

    /// A submission with one institution renamed (for escaping tests).
    static func renamed(_ name: String) throws -> String {
        let folder = Scratch.root + "/fundwatch-report-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/example.xml"
        var text = try String(contentsOfFile: exampleXML, encoding: .utf8)
        let escaped = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        text = text.replacingOccurrences(of: "<name>示例区人民医院</name>", with: "<name>\(escaped)</name>")
        text = text.replacingOccurrences(of: "<county_name>示例区</county_name>", with: "<county_name>\(escaped)</county_name>")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// The worked example with the fixture's tip-off register, as a CSV folder.
    static func exampleWithTipoffs() throws -> String {
        let folder = Scratch.root + "/fundwatch-report-tipoffs-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: exampleCSV, toPath: folder)
        try FileManager.default.copyItem(atPath: SharedFixtures.exampleTipoffs + "/tipoffs.csv", toPath: folder + "/tipoffs.csv")
        return folder
    }

    /// The standard policy with the fixture's working-day calendar.
    static func tipoffPolicy() throws -> Policy {
        var policy = Policy.standard
        let text = try String(contentsOfFile: SharedFixtures.exampleTipoffs + "/holidays.csv", encoding: .utf8)
        policy.tipoffs.calendar = try WorkingCalendar(csv: text, file: "holidays.csv")
        return policy
    }

    static func table(_ document: ReportDocument, _ id: String) throws -> ReportTable {
        try #require(document.tables.first { $0.id == id })
    }

    /// The cell of row `row` in column `column`.
    static func cell(_ table: ReportTable, row: String, column: String) throws -> String {
        let r = try #require(table.rows.first { $0.key == row }, "no row \(row) in \(table.id)")
        let c = try #require(table.columns.firstIndex { $0.key == column }, "no column \(column) in \(table.id)")
        return r.cells[c].display
    }
}

extension ReportInput {
    /// Chooses among `versions` per METRICS.md, then summarises (as the pipeline does for files).
    init(versions: [SubmissionVersion<Submission>], window: Window, asOf: Day, policy: Policy, tieRule: VersionTieRule) throws {
        self.init(window: window, asOf: asOf, policy: policy, submissions: try Selection(versions, for: window.to, tieRule: tieRule))
    }
}
