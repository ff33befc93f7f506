import Foundation
import FundWatchCore
import FundWatchTestSupport
import FundWatchZip
import Testing

@testable import FundWatchInput

/// .xlsx returns: the worked example from workbooks another program (openpyxl) wrote, each
/// broken or hostile workbook with its finding by sheet and cell, and the cell values Excel
/// stores (serial dates in both systems, numbers in exponent form, rich text).
@Suite("Excel workbooks")
struct XLSXReaderTests {
    static var fixtures: String { SharedFixtures.workbooks }

    func read(_ bytes: [UInt8], name: String = "return.xlsx", limits: ReadLimits = .standard) -> ReadOutcome<Submission> {
        let batch = SubmissionReader(limits: limits).read([.memory(name: name, bytes: bytes)], summarising: { $0 })
        return batch.outcomes.first
            ?? ReadOutcome(
                source: SubmissionSource(kind: .xlsx(.memory(name: name, bytes: bytes)), displayName: name),
                payload: nil, header: nil, findings: FindingCollector(), digest: nil)
    }

    func finding(_ outcome: ReadOutcome<Submission>, _ rule: String) -> Finding? {
        outcome.findings.findings.first { $0.rule == rule }
    }

    @Test(
        "the worked example from openpyxl workbooks (typed cells and all-text cells) gives EXPECTED.md's figures and the CSV's digest",
        arguments: ["example-typed.xlsx", "example-text.xlsx"])
    func workedExample(_ name: String) throws {
        ExampleSubmissionTests.expectQ1(try ExampleSubmissionTests.metrics(Self.fixtures + "/" + name, from: 1))
        let csv = try readOne(Workspace.exampleCSV)
        let workbook = try readOne(Self.fixtures + "/" + name)
        #expect(workbook.digest != nil && workbook.digest == csv.digest)
        #expect(workbook.payload?.cases.count == csv.payload?.cases.count)
        #expect(workbook.payload?.cases.map(\.caseID) == csv.payload?.cases.map(\.caseID))
    }

    @Test(
        "each broken workbook gets its rule at its sheet and cell",
        arguments: [
            ("broken-text-amount.xlsx", "cases.amount_involved.format", "案件!G6", Severity.error),
            ("broken-dotted-date.xlsx", "inspections.inspected_on.format", "检查!B7", .error),
            ("broken-formula.xlsx", "xlsx.formula", "案件!H5", .error),
            ("broken-na-error.xlsx", "xlsx.cell_error", "案件!K5", .error),
            ("broken-three-decimals.xlsx", "cases.amount_involved.format", "案件!G5", .error),
            ("broken-missing-sheet.xlsx", "xlsx.sheet_missing", "检查", .error),
            ("broken-renamed-header.xlsx", "xlsx.unknown_column", "案件!G3", .error),
            ("broken-extra-sheet.xlsx", "xlsx.extra_sheet", "我的草稿", .warning),
        ])
    func brokenWorkbooks(_ name: String, _ rule: String, _ cell: String, _ severity: Severity) throws {
        let outcome = try readOne(Self.fixtures + "/" + name)
        let found = try #require(finding(outcome, rule), "\(outcome.findings.findings.map(\.formatted))")
        #expect(found.cell == cell)
        #expect(found.severity == severity)
        #expect(found.file.hasSuffix(name))
        #expect(outcome.isAccepted == (severity == .warning))
        #expect(found.formatted.contains(cell))
    }

    @Test("a renamed header also loses its required column, named with its label")
    func renamedHeaderMissingColumn() throws {
        let outcome = try readOne(Self.fixtures + "/broken-renamed-header.xlsx")
        // amount_involved is optional: renaming it loses the values, which the unknown column reports.
        #expect(finding(outcome, "xlsx.unknown_column")?.message.contains("金额") == true)
        var book = MiniWorkbook.valid()
        book.sheets[1].rows[3][0] = .text("institution_id")
        let missing = read(try book.bytes())
        let found = try #require(finding(missing, "xlsx.missing_column"))
        #expect(found.column == "code" && found.message.contains("机构编码") && found.cell == "定点医药机构!4:4")
    }

    @Test("a hand-made package without metadata, with absolute part targets (as WPS writes) reads like Excel's; serial dates become days")
    func minimalPackage() throws {
        let outcome = read(try MiniWorkbook.valid().bytes())
        #expect(outcome.findings.findings.isEmpty, "\(outcome.findings.findings.map(\.formatted))")
        let submission = try #require(outcome.payload)
        #expect(submission.header.submittedOn == Day(year: 2026, month: 4, day: 3))
        #expect(submission.inspections.first?.inspectedOn == Day(year: 2026, month: 3, day: 5))
        #expect(submission.inspections.first?.method == .random)
    }

    @Test("a 核实说明 sheet gives explanations (rule, key or *, text) from row 5; an unusable row is a warning naming its row, never an error")
    func explanationSheet() throws {
        var book = MiniWorkbook.valid()
        book.sheets.append(
            (
                name: "核实说明",
                rows: [
                    [.text("核实说明")], [.text("填报单位")], [.text("规则"), .text("提示对象"), .text("说明")], [.text("rule"), .text("key"), .text("text")],
                    [.text("plausibility.row.missing"), .text("2026-002"), .text("  案件已移送公安,按规定移出本台账 ")],
                    [.text("plausibility.metric.outlier"), .text("*"), .text("三月开展专项行动")],
                    [.text("cases.amounts.consistency"), .text("2026-001"), .text("不是核实性审核规则")],
                    [.text("plausibility.row.changed"), .text("2026-003"), nil],
                    [nil, nil, nil],
                    [.text("plausibility.row.gone"), .text("2026-004"), .text("规则名拼错")],
                    [.text("plausibility.row.missing"), .text(" "), .text("没有提示对象")],
                    [.text("plausibility.row.missing"), .text("2026-005"), .text(String(repeating: "说", count: 2_001))],
                ]
            ))
        let outcome = read(try book.bytes())
        #expect(outcome.isAccepted, "explanations never refuse a return")
        #expect(
            outcome.explanations == [
                Explanation(rule: "plausibility.row.missing", key: "2026-002", text: "案件已移送公安,按规定移出本台账"),
                Explanation(rule: "plausibility.metric.outlier", key: "*", text: "三月开展专项行动"),
            ])
        let unusable = outcome.findings.findings.filter { $0.rule == "xlsx.explanation" }
        #expect(unusable.map(\.cell) == ["核实说明!A7", "核实说明!A8", "核实说明!A10", "核实说明!A11", "核实说明!A12"])
        // Each names the row and what to mend there.
        #expect(
            unusable.map(\.message) == [
                "核实说明工作表中的这一行无法使用,已忽略:第 7 行 A 列「cases.amounts.consistency」不是核实性审核规则",
                "核实说明工作表中的这一行无法使用,已忽略:第 8 行 C 列说明为空",
                "核实说明工作表中的这一行无法使用,已忽略:第 10 行 A 列「plausibility.row.gone」不是核实性审核规则",
                "核实说明工作表中的这一行无法使用,已忽略:第 11 行 B 列提示对象为空",
                "核实说明工作表中的这一行无法使用,已忽略:第 12 行 C 列说明有 2001 字",
            ])
        #expect(unusable.allSatisfy { $0.severity == .warning })
        #expect(!outcome.findings.findings.contains { $0.rule == "xlsx.extra_sheet" })
    }

    @Test("sheets may be named by the register keys too")
    func keyNamedSheets() throws {
        var book = MiniWorkbook.valid()
        for (i, key) in ["submission", "institutions", "inspections", "cases"].enumerated() { book.sheets[i].name = key }
        #expect(read(try book.bytes()).isAccepted)
    }

    @Test("the 1904 date system is followed")
    func dateSystem1904() throws {
        var book = MiniWorkbook.valid(inspectedOn: .date(44624))
        book.sheets[0].rows[6][2] = .date(44653)
        book.date1904 = true
        let outcome = read(try book.bytes())
        #expect(outcome.payload?.inspections.first?.inspectedOn == Day(year: 2026, month: 3, day: 5))
    }

    @Test(
        "Excel serial days: 1900's leap-year quirk and the 1904 system",
        arguments: [
            ("1", false, "1900-01-01"), ("59", false, "1900-02-28"), ("60", false, "1900-02-29"), ("61", false, "1900-03-01"),
            ("46086", false, "2026-03-05"), ("46086.75", false, "2026-03-05"), ("0", true, "1904-01-01"), ("44624", true, "2026-03-05"),
        ])
    func serialDays(_ serial: String, _ is1904: Bool, _ expected: String) {
        #expect(XLSXValue.day(serial: serial, date1904: is1904) == expected)
    }

    @Test("the fictitious 1900-02-29 is refused by the date rule, not moved to another day")
    func fictitiousLeapDay() throws {
        let outcome = read(try MiniWorkbook.valid(inspectedOn: .date(60)).bytes())
        let found = try #require(finding(outcome, "inspections.inspected_on.format"))
        #expect(found.cell == "检查!B5" && found.message.contains("1900-02-29"))
    }

    @Test(
        "stored numbers are written out exactly, never through a binary fraction",
        arguments: [
            ("125000.5", "125000.5"), ("1.5E+7", "15000000"), ("1.25E-2", "0.0125"), ("1E-3", "0.001"), ("80000.50", "80000.5"),
            ("0.1", "0.1"), ("-3", "-3"), ("990101", "990101"), ("1.2345678901234E+17", "123456789012340000"),
        ])
    func plainNumbers(_ stored: String, _ expected: String) {
        #expect(XLSXValue.plain(stored) == expected)
    }

    // The reference: Python's f"{float(stored):.15g}", the 15 significant digits Excel and WPS show.
    @Test(
        "a stored number reads as the 15-significant-digit decimal a spreadsheet shows (Python's .15g as the reference)",
        arguments: [
            ("8944.719999999999", "8944.72"), ("8944.720000000001", "8944.72"), ("125000.49999999999", "125000.5"),
            ("0.30000000000000004", "0.3"), ("1.0000000000000002", "1"), ("123456789012.34567", "123456789012.346"),
            ("125000.005", "125000.005"), ("8944.724999999999", "8944.725"), ("-0.0", "0"), ("1E+21", "1000000000000000000000"),
            ("12.345000000000001", "12.345"), ("99999999999999.99", "100000000000000"), ("1.5E+7", "15000000"), ("0.1", "0.1"),
        ])
    func shownNumbers(_ stored: String, _ shown: String) {
        #expect(XLSXValue.shown(stored) == shown)
    }

    @Test(
        "not numbers stay not numbers: no hex floats, infinities or NaN through Double's parser",
        arguments: ["0x1p3", "inf", "nan", "1e999", "", "1.2.3"])
    func notNumbers(_ stored: String) {
        #expect(XLSXValue.shown(stored) == nil)
    }

    /// The example's one case with `amount` in its amount_involved cell (column F), stored as `element` says.
    func caseWorkbook(amountCell element: String) -> MiniWorkbook {
        var book = MiniWorkbook.valid()
        book.sheets[3].rows[3] = [
            .text("case_id"), .text("institution_code"), .text("opened_on"), .text("source"), .text("violations"), .text("amount_involved"),
        ]
        book.sheets[3].rows.append([.text("2026-001"), .text("H99010100001"), .date(46086), .text("专项检查"), .text("重复收费"), .raw(element)])
        return book
    }

    @Test(
        "an amount openpyxl or a formula stored with a binary tail reads as the clerk's screen shows it",
        arguments: [
            (#"<c r="REF"><v>8944.719999999999</v></c>"#, 894_472),
            (#"<c r="REF" t="n"><v>8944.720000000001</v></c>"#, 894_472),
            // LibreOffice 7 as saved here: the formula and its value at 15 significant digits.
            (#"<c r="REF" s="0" t="n"><f aca="false">100000.2+25000.3</f><v>125000.5</v></c>"#, 12_500_050),
            // Excel may write up to 17 significant digits of a formula's result.
            (#"<c r="REF"><f>SUM(G2:G3)</f><v>125000.50000000001</v></c>"#, 12_500_050),
            // A shared formula (Excel writes the formula once, the other cells point at it).
            (#"<c r="REF"><f t="shared" si="0"/><v>0.30000000000000004</v></c>"#, 30),
        ])
    func amountsAsShown(_ element: String, _ fen: Int64) throws {
        let outcome = read(try caseWorkbook(amountCell: element).bytes())
        #expect(outcome.findings.errorCount == 0, "\(outcome.findings.findings.map(\.formatted))")
        #expect(outcome.payload?.cases.first?.amountInvolved == Money(fen: fen))
    }

    @Test("a real third decimal is still refused, quoting the value as the clerk sees it")
    func thirdDecimalAsShown() throws {
        let outcome = read(try caseWorkbook(amountCell: #"<c r="REF"><v>8944.724999999999</v></c>"#).bytes())
        let found = try #require(finding(outcome, "cases.amount_involved.format"))
        #expect(found.cell == "案件!F5")
        #expect(found.message.contains("「8944.725」"), "\(found.message)")
        #expect(!found.message.contains("8944.724999999999"))
    }

    @Test("a formula's text or error result reads as its value; a formula saved without a value asks to open and save the workbook")
    func formulaResults() throws {
        var book = MiniWorkbook.valid(institutions: [
            [
                .raw(#"<c r="REF" t="str"><f>"H"&amp;"99010100001"</f><v>H99010100001</v></c>"#),
                .text("示例区人民医院"), .text("公立医院"), .text("正常"),
            ]
        ])
        #expect(read(try book.bytes()).payload?.institutions.first?.code == "H99010100001")
        book = caseWorkbook(amountCell: #"<c r="REF" t="e"><f>1/0</f><v>#DIV/0!</v></c>"#)
        #expect(finding(read(try book.bytes()), "xlsx.cell_error")?.cell == "案件!F5")
        // openpyxl writes a formula and no value: nothing computed it yet.
        for uncomputed in [#"<c r="REF"><f>100000.2+25000.3</f></c>"#, #"<c r="REF"><f>100000.2+25000.3</f><v></v></c>"#] {
            book = caseWorkbook(amountCell: uncomputed)
            let found = try #require(finding(read(try book.bytes()), "xlsx.formula"))
            #expect(found.cell == "案件!F5")
            #expect(found.expected.hasPrefix("在 Excel 或 WPS 中打开") && found.expected.contains("保存"))
        }
        // A text formula that computed "" is an empty cell, not a finding.
        book = caseWorkbook(amountCell: #"<c r="REF" t="str"><f>IF(1,"","x")</f><v></v></c>"#)
        #expect(read(try book.bytes()).findings.errorCount == 0)
    }

    @Test("amounts keep their fen from the stored digits; a third decimal is an error, not rounded")
    func exactAmounts() throws {
        var book = MiniWorkbook.valid()
        book.sheets[3].rows[3] = [
            .text("case_id"), .text("institution_code"), .text("opened_on"), .text("source"), .text("violations"), .text("amount_involved"),
        ]
        book.sheets[3].rows.append([.text("2026-001"), .text("H99010100001"), .date(46086), .text("专项检查"), .text("重复收费"), .number("1.2500005E+5")])
        let ok = read(try book.bytes())
        #expect(ok.payload?.cases.first?.amountInvolved == Money(fen: 12_500_005))
        book.sheets[3].rows[4][5] = .number("125000.005")
        let bad = read(try book.bytes())
        #expect(finding(bad, "cases.amount_involved.format")?.cell == "案件!F5")
    }

    @Test("shared strings: rich text runs are joined, phonetic runs skipped, _x000D_ undone; booleans and quote-prefixed text read")
    func sharedStringsAndTypes() throws {
        var book = MiniWorkbook.valid(institutions: [[.shared(0), .shared(1), .shared(2), .text("正常")]])
        book.rawSharedStrings = """
            <?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <si><t>H99010100001</t></si>\
            <si><r><rPr><b/></rPr><t>示例区</t></r><r><t xml:space="preserve">人民医院</t></r><rPh sb="0" eb="1"><t>シ</t></rPh></si>\
            <si><t>公立医院</t></si><si><t>第一行_x000D_第二行</t></si></sst>
            """
        book.sheets[2].rows[3].append(.text("problems_found"))
        book.sheets[2].rows[4].append(.raw(#"<c r="REF" t="b"><v>1</v></c>"#))
        book.sheets[2].rows[4][0] = .raw(#"<c r="REF" s="2" t="inlineStr"><is><t>H99010100001</t></is></c>"#)
        let outcome = read(try book.bytes())
        #expect(outcome.findings.findings.isEmpty, "\(outcome.findings.findings.map(\.formatted))")
        #expect(outcome.payload?.institutions.first?.name == "示例区人民医院")
        #expect(outcome.payload?.inspections.first?.problemsFound == true)
        #expect(XLSXText.unescape("第一行_x000D_第二行") == "第一行\r第二行")
        #expect(XLSXText.unescape("a_x00_b") == "a_x00_b")
    }

    @Test("100,000 rows of shared strings read in full; more shared strings than the limit are refused")
    func manySharedStrings() throws {
        let count = 100_000
        var strings: [String] = [], rows: [[MiniWorkbook.Cell?]] = []
        strings.reserveCapacity(count + 3)
        strings += ["公立医院", "正常"]
        for i in 0..<count {
            strings.append("H" + String(99_010_100_001 + i))
            rows.append([.shared(strings.count - 1), .text("机构\(i)"), .shared(0), .shared(1)])
        }
        var book = MiniWorkbook.valid(institutions: rows)
        book.sharedStrings = strings
        let outcome = read(try book.bytes())
        #expect(outcome.findings.errorCount == 0, "\(outcome.findings.findings.prefix(3).map(\.formatted))")
        #expect(outcome.payload?.institutions.count == count)
        var limits = ReadLimits.standard
        limits.maxSharedStrings = 1_000
        let refused = read(try book.bytes(), limits: limits)
        #expect(finding(refused, "xlsx.limit") != nil && !refused.isAccepted)
    }

    @Test(
        "shared strings are bounded in bytes, not only in count: a workbook whose strings inflate past the budget is refused, one long string is cut at the field limit"
    )
    func sharedStringBytes() throws {
        var limits = ReadLimits.standard
        limits.maxSharedStringBytes = 1 << 20
        // 2 MiB of distinct strings, under the count limit and the zip ratio limit.
        var strings = ["公立医院", "正常"]
        var x: UInt64 = 88172645463325252
        for _ in 0..<16_384 {
            var s = ""
            for _ in 0..<8 {
                x ^= x << 13
                x ^= x >> 7
                x ^= x << 17
                s += String(x, radix: 16)
            }
            strings.append(s)
        }
        var book = MiniWorkbook.valid(institutions: [[.text("H99010100001"), .text("示例区人民医院"), .shared(0), .shared(1)]])
        book.sharedStrings = strings
        let refused = read(try book.bytes(), limits: limits)
        let found = try #require(finding(refused, "xlsx.limit"))
        #expect(found.messageEN.contains("MiB") && !refused.isAccepted)
        #expect(read(try book.bytes()).isAccepted, "the standard 32 MiB budget takes it")
        // One string longer than a field may be is cut, and its cell is the field's error.
        var long = MiniWorkbook.valid(institutions: [[.text("H99010100001"), .shared(2), .shared(0), .shared(1)]])
        var text = ""
        for _ in 0..<400_000 {
            x ^= x << 13
            x ^= x >> 7
            x ^= x << 17
            text.unicodeScalars.append(UnicodeScalar(0x4E00 + UInt32(x % 20_000))!)
        }
        long.sharedStrings = ["公立医院", "正常", text]
        let tooLong = read(try long.bytes())
        #expect(finding(tooLong, "csv.field_too_long")?.cell == "定点医药机构!B5")
    }

    @Test("a part with a DOCTYPE is refused before any entity could expand")
    func doctype() throws {
        var book = MiniWorkbook.valid()
        book.rawSheets[2] = """
            <?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>
            """
        let outcome = read(try book.bytes())
        let found = try #require(finding(outcome, "xlsx.doctype"))
        #expect(found.file.hasSuffix("xl/worksheets/sheet3.xml"))
        #expect(!outcome.isAccepted)
    }

    @Test("a zip bomb inside a workbook is stopped by the zip limits")
    func zipBomb() throws {
        var book = MiniWorkbook.valid()
        let padding = String(repeating: " ", count: 40 << 20)
        book.rawSheets[2] =
            "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\(padding)<sheetData/></worksheet>"
        let outcome = read(try book.bytes())
        #expect(finding(outcome, "zip.limit") != nil, "\(outcome.findings.findings.map(\.formatted))")
    }

    @Test("a truncated workbook is a finding, never a hang", arguments: [0.3, 0.6, 0.9, 0.99])
    func truncated(_ share: Double) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/example-typed.xlsx")))
        let cut = Array(bytes.prefix(Int(Double(bytes.count) * share)))
        let outcome = read(cut)
        #expect(!outcome.isAccepted)
        #expect(
            outcome.findings.findings.contains { ["zip.invalid", "xlsx.invalid"].contains($0.rule) }, "\(outcome.findings.findings.map(\.formatted))")
    }

    @Test("a part cut short inside the package is a finding")
    func truncatedPart() throws {
        var book = MiniWorkbook.valid()
        book.rawSheets[1] =
            "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>定点"
        let outcome = read(try book.bytes())
        let found = try #require(finding(outcome, "xlsx.invalid"))
        #expect(found.messageEN.contains("sheet2.xml"))
    }

    @Test(
        "an encrypted workbook, a legacy .xls or a WPS .et file is refused with a message to save as .xlsx",
        arguments: ["return.xlsx", "return.xls", "return.et"])
    func legacyOrEncrypted(_ name: String) throws {
        // An OLE compound document: what Excel and WPS write for an encrypted workbook and for .xls/.et.
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        bytes += [UInt8](repeating: 0, count: 504)
        let outcome = read(bytes, name: name)
        let found = try #require(finding(outcome, "xlsx.legacy"))
        #expect(found.expected.contains(".xlsx"))
        let workspace = try Workspace()
        let path = workspace.root + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(finding(try readOne(path), "xlsx.legacy") != nil)
    }

    @Test("a workbook without a register's header row says where it looked")
    func noHeaderRow() throws {
        var book = MiniWorkbook.valid()
        book.sheets[2].rows = [[.text("随便写的")], [.number("1"), .number("2")]]
        let found = try #require(finding(read(try book.bytes()), "xlsx.header_row"))
        #expect(found.cell == "检查" && found.expected.contains("first 10 rows"))
    }
}
