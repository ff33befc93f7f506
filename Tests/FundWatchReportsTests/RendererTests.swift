import Foundation
import FundWatchCore
import FundWatchTestSupport
import FundWatchXML
import Testing

@testable import FundWatchInput
@testable import FundWatchReports

@Suite("Rendering: HTML, XML, CSV")
struct RendererTests {
    static func files(_ document: ReportDocument, templates: TemplateSet? = nil) throws -> [String: [UInt8]] {
        let writer = ReportWriter(templates: try templates ?? TemplateSet.defaults())
        return Dictionary(uniqueKeysWithValues: try writer.render(document, formats: Set(ReportFormat.allCases)).map { ($0.name, $0.bytes) })
    }

    static func text(_ bytes: [UInt8]?) -> String { String(decoding: bytes ?? [], as: UTF8.self) }

    /// Parses CSV bytes with the project's own RFC 4180 tokenizer.
    static func parseCSV(_ bytes: [UInt8]) throws -> [[String]] {
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        var tokenizer = CSVTokenizer(limits: .standard)
        var rows: [[String]] = []
        let body = Array(bytes.dropFirst(3))
        let collect: (borrowing CSVTokenizer.Record) throws -> Void = { record in
            rows.append((0..<record.count).map { String(decoding: record.field($0), as: UTF8.self) })
        }
        try body.withUnsafeBufferPointer { try tokenizer.feed($0, emit: collect) }
        try tokenizer.finish(emit: collect)
        return rows
    }

    @Test("ten files (table 7, the tip-offs, after the six); the XML validates against report.xsd")
    func allFiles() throws {
        let files = try Self.files(try ReportFixture.document([ReportFixture.exampleXML]))
        #expect(
            files.keys.sorted() == [
                "report.html", "report.xlsx", "report.xml", "table1.csv", "table2.csv", "table3.csv", "table4.csv", "table5.csv", "table6.csv",
                "table7.csv",
            ])
        let xsd = try #require(FileManager.default.contents(atPath: try TemplateSet.defaults().directory + "/report.xsd"))
        #expect(XMLSchemaCheck.problems(in: try #require(files["report.xml"]), name: "report.xml", schema: xsd).isEmpty)
    }

    @Test("the XML carries 万元 and the exact yuan, and rates with their parts")
    func xmlValues() throws {
        let xml = Self.text(try Self.files(try ReportFixture.document([ReportFixture.exampleXML]))["report.xml"])
        #expect(xml.contains("<money column=\"amount_involved.period\" unit=\"万元\" yuan=\"186800.50\">18.68</money>"))
        #expect(xml.contains("<rate column=\"coverage_rate.period\" numerator=\"3\" denominator=\"4\">75.0</rate>"))
        #expect(xml.contains("<date column=\"due\">2026-03-25</date>"))
        #expect(xml.contains("<count column=\"days_over\">6</count>"))
        #expect(xml.contains("<county code=\"990101\" name=\"示例区\" status=\"ok\" period=\"2026-03\" submitted_on=\"2026-04-03\""))
    }

    @Test("a zero-denominator rate is absent in XML with a reason, and — elsewhere")
    func zeroDenominator() throws {
        var doc = try ReportFixture.document([ReportFixture.exampleXML])
        var rows = Array(doc.tables[1].rows)
        rows[0].cells[2] = .rate(Rate(0, of: 0))
        doc.tables[1].rows = ReportRows(rows)
        let rendered = try Self.files(doc)
        #expect(
            Self.text(rendered["report.xml"]).contains(
                "<rate column=\"coverage_rate\" numerator=\"0\" denominator=\"0\" absent=\"zero_denominator\"/>"))
        #expect(try Self.parseCSV(try #require(rendered["table2.csv"]))[2][3] == "—")
    }

    @Test("every CSV parses back to the table's values", arguments: 1...6)
    func csvRoundTrip(number: Int) throws {
        let document = try ReportFixture.document([ReportFixture.exampleXML])
        let table = document.tables[number - 1]
        let rows = try Self.parseCSV(try #require(try Self.files(document)["table\(number).csv"]))
        #expect(rows[0] == ["表\(number) \(table.title)"])
        #expect(rows[1] == [table.rowHeading] + table.columns.map(\.flatHeading))
        for (i, row) in table.rows.enumerated() {
            #expect(rows[2 + i] == [row.label] + row.cells.map(\.display))
        }
        // The blank separator line is skipped by the tokenizer; the notes follow.
        #expect(rows[2 + table.rows.count] == ["注:" + table.footnotes[0]])
    }

    @Test("CSV is UTF-8 with BOM and CRLF")
    func csvBytes() throws {
        let csv = try #require(try Self.files(try ReportFixture.document([ReportFixture.exampleXML]))["table1.csv"])
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lfs = csv.indices.filter { csv[$0] == 0x0A }
        #expect(!lfs.isEmpty && lfs.allSatisfy { $0 > 0 && csv[$0 - 1] == 0x0D })
    }

    @Test("two runs give byte-identical files")
    func reproducible() throws {
        let a = try Self.files(try ReportFixture.document([ReportFixture.exampleXML, ReportFixture.exampleCSV]))
        let b = try Self.files(try ReportFixture.document([ReportFixture.exampleCSV, ReportFixture.exampleXML]))
        #expect(a == b)
    }

    @Test("a <script> name is inert in HTML and XML")
    func scriptName() throws {
        let path = try ReportFixture.renamed("<script>alert(1)</script>医院")
        let files = try Self.files(try ReportFixture.document([path]))
        let html = Self.text(files["report.html"])
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!Self.text(files["report.xml"]).contains("<script>"))
    }

    @Test("a formula-like name is neutralised in CSV; numbers are not")
    func formulaName() throws {
        let name = "=cmd|' /C calc'!A0"
        let path = try ReportFixture.renamed(name)
        let document = try ReportFixture.document([path])
        let files = try Self.files(document)
        let table5 = try Self.parseCSV(try #require(files["table5.csv"]))
        let row = try #require(table5.first { $0.first == "2026-001" })
        #expect(row[2] == "'" + name)  // institution name
        #expect(row[1] == "'" + name)  // county name
        #expect(CSVTableWriter_neutralises("-5") == "'-5")
        #expect(CSVTableWriter_neutralises("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVTableWriter_neutralises("\tx") == "'\tx")
        let table1 = try Self.parseCSV(try #require(files["table1.csv"]))
        #expect(table1[2][0] == "'" + name)
        #expect(table1[2][1] == "4")
    }

    @Test("a template that produces invalid XML is refused, naming the problem")
    func brokenTemplate() throws {
        let folder = Scratch.root + "/fundwatch-templates-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: try TemplateSet.defaults().directory, toPath: folder)
        let file = folder + "/report.xml.mustache"
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
            of: "<as_of>{{asOf}}</as_of>", with: "<asof>{{asOf}}</asof>")
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        let writer = ReportWriter(templates: try TemplateSet(directory: folder))
        #expect(throws: ReportWriter.InvalidOutput.self) {
            try writer.render(try ReportFixture.document([ReportFixture.exampleXML]), formats: [.xml])
        }
    }

    @Test("a template that does not compile is refused when loaded, naming the file and line")
    func uncompilableTemplate() throws {
        let folder = Scratch.root + "/fundwatch-templates-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: try TemplateSet.defaults().directory, toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/report.html.mustache"
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "{{/panels}}", with: "{{/panel}}")
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("{{/panel}}") }! + 1
        do {
            _ = try TemplateSet(directory: folder)
            Issue.record("the broken template was accepted")
        } catch let problem as TemplateSet.Problem {
            #expect(problem.description.contains("report.html.mustache"))
            #expect(problem.description.contains("line \(line): {{/panel}} closes a section, but the open one is {{#panels}}"), "\(problem)")
        }
    }

    @Test("written to disk as it renders: the same bytes, no temporary file left; an invalid XML leaves the folder untouched")
    func streamedWrite() throws {
        let document = try ReportFixture.document([ReportFixture.exampleXML])
        let out = Scratch.root + "/fundwatch-write-" + UUID().uuidString
        let paths = try ReportWriter(templates: try TemplateSet.defaults()).write(document, formats: Set(ReportFormat.allCases), to: out)
        #expect(
            paths.map { ($0 as NSString).lastPathComponent }
                == [
                    "report.html", "report.xml", "table1.csv", "table2.csv", "table3.csv", "table4.csv", "table5.csv", "table6.csv", "table7.csv",
                    "report.xlsx",
                ])
        let inMemory = try Self.files(document)
        for path in paths {
            #expect(FileManager.default.contents(atPath: path).map(Array.init) == inMemory[(path as NSString).lastPathComponent], "\(path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == paths.map { ($0 as NSString).lastPathComponent }.sorted())

        let folder = Scratch.root + "/fundwatch-templates-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: try TemplateSet.defaults().directory, toPath: folder)
        let file = folder + "/report.xml.mustache"
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
            of: "<as_of>{{asOf}}</as_of>", with: "<asof>{{asOf}}</asof>")
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        let untouched = Scratch.root + "/fundwatch-write-" + UUID().uuidString
        #expect(throws: ReportWriter.InvalidOutput.self) {
            try ReportWriter(templates: try TemplateSet(directory: folder)).write(document, formats: Set(ReportFormat.allCases), to: untouched)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: untouched).isEmpty)
    }

    @Test("an output folder that cannot be made is named in the error")
    func unwritableFolder() throws {
        let blocker = Scratch.root + "/fundwatch-file-" + UUID().uuidString
        try "a file, not a folder".write(toFile: blocker, atomically: false, encoding: .utf8)
        let out = blocker + "/reports"
        do {
            _ = try ReportWriter(templates: try TemplateSet.defaults()).write(
                try ReportFixture.document([ReportFixture.exampleXML]),
                formats: [.csv], to: out)
            Issue.record("wrote into \(out)")
        } catch let problem as CannotWrite {
            #expect(problem.path == out)
            #expect(problem.description.hasPrefix("cannot write \(out): "))
        }
    }

    @Test("an edited HTML template changes the title without recompiling")
    func customTemplate() throws {
        let folder = Scratch.root + "/fundwatch-templates-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: try TemplateSet.defaults().directory, toPath: folder)
        let file = folder + "/report.html.mustache"
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>某市医保局 {{title}}</h1>")
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        let files = try Self.files(try ReportFixture.document([ReportFixture.exampleXML]), templates: try TemplateSet(directory: folder))
        #expect(Self.text(files["report.html"]).contains("<h1>某市医保局 医保基金监管专项治理统计报表</h1>"))
    }
}

/// What the CSV writer does to one text cell, observed through a rendered table.
func CSVTableWriter_neutralises(_ value: String) -> String {
    let table = ReportTable(
        id: "t", number: 9, title: "t", rowHeading: "r", columns: [ReportColumn(key: "c", label: "c")],
        rows: [ReportRow(key: "k", label: "k", cells: [.text(value)])], footnotes: [])
    let doc = ReportDocument(
        title: "", window: Window.yearToDate(YearMonth(year: 2026, month: 1)!), yearToDate: Window.yearToDate(YearMonth(year: 2026, month: 1)!),
        asOf: Day(ordinal: 0), provenance: [], inputDigest: "", tables: [table])
    let rows = (try? RendererTests.parseCSV(CSVTableWriter.render(table, document: doc))) ?? []
    return rows.count > 2 ? rows[2][1] : ""
}
