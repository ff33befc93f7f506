import Foundation
import FundWatchCore
import FundWatchExcel
import FundWatchReports
import FundWatchZip
import Testing

/// The report as an Excel workbook (its full check against openpyxl and LibreOffice is in
/// Tests/excel), and the guards in front of libxlsxwriter.
@Suite("Excel workbooks written")
struct WorkbookTests {
    func part(_ bytes: [UInt8], _ name: String) throws -> String {
        let archive = try ZipArchive(bytes: bytes, name: "report.xlsx")
        return String(decoding: try archive.contents(of: try #require(archive.entry(named: name)), limit: 8 << 20), as: UTF8.self)
    }

    @Test("same document, same bytes; the as-of day is the workbook's creation time")
    func reproducible() throws {
        let document = try ReportFixture.document([ReportFixture.exampleXML])
        let writer = ReportWorkbook(settings: .standard)
        let first = try writer.render(document), second = try writer.render(document)
        #expect(first == second)
        #expect(try part(first, "docProps/core.xml").contains("2026-03-31T00:00:00Z"))
        let later = try writer.render(try ReportFixture.document([ReportFixture.exampleXML], asOf: "2026-04-30"))
        #expect(later != first)
    }

    @Test("one sheet per table, merged two-level headers, the 表号 block from [report], A4 landscape with repeated header rows")
    func layout() throws {
        var settings = ReportSettings()
        settings.tableNumber = "医保监管统1表"
        settings.authority = "某省医疗保障局"
        settings.reportingUnit = "某市医疗保障局"
        let bytes = try ReportWorkbook(settings: settings).render(try ReportFixture.document([ReportFixture.exampleXML]))
        let workbook = try part(bytes, "xl/workbook.xml")
        for n in 1...6 { #expect(workbook.contains("name=\"表\(n)\"")) }
        #expect(workbook.contains("_xlnm.Print_Titles") && workbook.contains("'表1'!$A:$A,'表1'!$6:$7"))
        let sheet = try part(bytes, "xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"<mergeCell ref="A6:A7"/>"#) && sheet.contains(#"<mergeCell ref="B6:C6"/>"#))
        #expect(sheet.contains(#"paperSize="9""#) && sheet.contains(#"orientation="landscape""#) && sheet.contains(#"fitToHeight="0""#))
        #expect(sheet.contains(#"<pane xSplit="1" ySplit="7""#))
        let strings = try part(bytes, "xl/sharedStrings.xml")
        for text in ["表    号:", "医保监管统1表", "某省医疗保障局", "填报单位:某市医疗保障局", "金额单位:万元", "合计", "报出日期:2026-03-31"] {
            #expect(strings.contains(text), "\(text)")
        }
        // 涉及金额 of the 合计 row as the number the table shows (18.68 万元), not as text.
        #expect(sheet.contains("<v>18.68</v>"))
    }

    @Test("arguments libxlsxwriter 1.1.4 cannot take are refused before they reach it")
    func guards() throws {
        let workbook = try ExcelWorkbook(created: 0)
        for bad in ["", String(repeating: "表", count: 32), "a/b", "a:b", "'quoted'", "[x]"] {
            #expect(throws: ExcelWorkbook.Failure.self) { _ = try workbook.addSheet(bad) }
        }
        let sheet = try workbook.addSheet("代码表")
        #expect(throws: ExcelWorkbook.Failure.self) { _ = try workbook.addSheet("代码表") }
        for bad in ["", "A1", "xfd100", "1abc", "名称", "a b"] {
            #expect(throws: ExcelWorkbook.Failure.self) { try workbook.defineName(bad, "='代码表'!$A$1") }
        }
        for bad in ["", "=", "A1", "=A1\n"] {
            #expect(throws: ExcelWorkbook.Failure.self) { try workbook.defineName("list_x", bad) }
            #expect(throws: ExcelWorkbook.Failure.self) { try sheet.dropdown(1, 0, 5, 0, source: bad, strict: true) }
        }
        #expect(throws: ExcelWorkbook.Failure.self) { try sheet.text(1_048_576, 0, "x") }
        #expect(throws: ExcelWorkbook.Failure.self) { try sheet.text(0, 0, String(repeating: "长", count: 32_768)) }
        #expect(throws: ExcelWorkbook.Failure.self) { try sheet.number(0, 0, .nan) }
        // What passes is written, and the workbook still closes.
        try workbook.defineName("list_x", "='代码表'!$A$1:$A$3")
        try sheet.text(0, 0, "公立医院")
        #expect(try workbook.bytes().starts(with: [0x50, 0x4B]))
    }
}
