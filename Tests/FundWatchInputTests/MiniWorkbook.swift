import Foundation
import FundWatchZip

/// A minimal .xlsx package written by hand (no application metadata, absolute part
/// targets as WPS writes them), for workbooks no spreadsheet program would save: hostile,
/// huge, or odd in one exact way.
struct MiniWorkbook {
    /// Sheets in order: name and rows of cells (`nil`: no cell).
    var sheets: [(name: String, rows: [[Cell?]])]
    /// Shared strings, when cells refer to them.
    var sharedStrings: [String]? = nil
    /// Replaces a sheet's XML outright (by sheet index).
    var rawSheets: [Int: String] = [:]
    /// Replaces the shared strings part outright.
    var rawSharedStrings: String? = nil
    var date1904 = false
    /// Styles part: index 1 is a date format (`yyyy-mm-dd`).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
        <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="49" quotePrefix="1"/></cellXfs></styleSheet>
        """

    enum Cell {
        case text(String)
        case shared(Int)
        case number(String)
        case date(Int)  // an Excel serial with the date style
        case raw(String)  // the whole <c> element
    }

    func bytes() throws -> [UInt8] {
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var files: [(name: String, bytes: [UInt8])] = []
        files.append(
            (
                "[Content_Types].xml",
                Array(
                    """
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/></Types>
                    """.utf8)
            ))
        files.append(
            (
                "_rels/.rels",
                Array(
                    """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="/xl/workbook.xml"/></Relationships>
                    """.utf8)
            ))
        let sheetList = sheets.enumerated().map { i, s in "<sheet name=\"\(Self.escape(s.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>" }
            .joined()
        files.append(
            (
                "xl/workbook.xml",
                Array(
                    """
                    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(ns)" xmlns:r="\(rel)">\
                    <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(sheetList)</sheets></workbook>
                    """.utf8)
            ))
        var rels = sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"/xl/worksheets/sheet\($0 + 1).xml\"/>" }
            .joined()
        rels += "<Relationship Id=\"rIdS\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
        if sharedStrings != nil || rawSharedStrings != nil {
            rels += "<Relationship Id=\"rIdT\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        files.append(
            (
                "xl/_rels/workbook.xml.rels",
                Array(
                    """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
                    """.utf8)
            ))
        files.append(("xl/styles.xml", Array(Self.styles.utf8)))
        if let raw = rawSharedStrings {
            files.append(("xl/sharedStrings.xml", Array(raw.utf8)))
        } else if let strings = sharedStrings {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(ns)\" count=\"\(strings.count)\" uniqueCount=\"\(strings.count)\">"
            for s in strings { xml += "<si><t>\(Self.escape(s))</t></si>" }
            files.append(("xl/sharedStrings.xml", Array((xml + "</sst>").utf8)))
        }
        for (i, sheet) in sheets.enumerated() {
            if let raw = rawSheets[i] {
                files.append(("xl/worksheets/sheet\(i + 1).xml", Array(raw.utf8)))
                continue
            }
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(ns)\"><sheetData>"
            for (r, row) in sheet.rows.enumerated() {
                xml += "<row r=\"\(r + 1)\">"
                for (c, cell) in row.enumerated() {
                    guard let cell else { continue }
                    let ref = Self.column(c) + "\(r + 1)"
                    switch cell {
                    case .text(let t): xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(Self.escape(t))</t></is></c>"
                    case .shared(let n): xml += "<c r=\"\(ref)\" t=\"s\"><v>\(n)</v></c>"
                    case .number(let n): xml += "<c r=\"\(ref)\"><v>\(n)</v></c>"
                    case .date(let serial): xml += "<c r=\"\(ref)\" s=\"1\"><v>\(serial)</v></c>"
                    case .raw(let element): xml += element.replacingOccurrences(of: "REF", with: ref)
                    }
                }
                xml += "</row>"
            }
            files.append(("xl/worksheets/sheet\(i + 1).xml", Array((xml + "</sheetData></worksheet>").utf8)))
        }
        return try ZipWriter.archive(files)
    }

    static func column(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 {
            s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s
            n = (n - 1) / 26
        }
        return s
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A small valid return: the header, `institutions` rows, one inspection, no case.
    static func valid(
        institutions: [[Cell?]] = [[.text("H99010100001"), .text("示例区人民医院"), .text("公立医院"), .text("正常")]],
        inspectedOn: Cell = .date(46086)
    ) -> MiniWorkbook {
        MiniWorkbook(sheets: [
            (
                "报送信息",
                [
                    [.text("报送信息")], [.text("项目"), .text("字段"), .text("填报内容")],
                    [.text("县区代码"), .text("county_code"), .text("990101")],
                    [.text("县区名称"), .text("county_name"), .text("示例区")],
                    [.text("报送期间"), .text("period"), .text("2026-03")],
                    [.text("填报人"), .text("prepared_by"), .text("王晓")],
                    [.text("报送日期"), .text("submitted_on"), .date(46115)],
                ]
            ),
            (
                "定点医药机构",
                [
                    [.text("定点医药机构台账")], [.text("金额单位:元")],
                    [.text("机构编码"), .text("机构名称"), .text("机构类别"), .text("协议状态")],
                    [.text("code"), .text("name"), .text("category"), .text("agreement_status")],
                ] + institutions
            ),
            (
                "检查",
                [
                    [.text("检查台账")], [], [.text("机构编码"), .text("检查日期"), .text("检查方式")],
                    [.text("institution_code"), .text("inspected_on"), .text("method")],
                    [.text("H99010100001"), inspectedOn, .text("双随机抽查")],
                ]
            ),
            (
                "案件",
                [[.text("案件台账")], [], [], [.text("case_id"), .text("institution_code"), .text("opened_on"), .text("source"), .text("violations")]]
            ),
        ])
    }
}
