import FundWatchCore
import FundWatchExcel

/// A report as an Excel workbook a statistician forwards to the province unchanged: one
/// sheet per table with the 表号 block (表号, 制表机关, 批准文号, 有效期至), 填报单位 and
/// 单位:万元, the merged two-level headers of the HTML, numbers stored as numbers showing
/// exactly what the other formats show (万元 `0.00`, rates `0.0%`), a bold 合计 row, the
/// footnotes, and the footer 单位负责人 / 统计负责人 / 填表人 / 报出日期; frozen headers,
/// A4 landscape fitted to the page width (a wide table to as many pages across as the
/// HTML has panels) with the header rows and the county column repeated on every page;
/// and a 数据来源 sheet. The workbook's creation time is the report's as-of day, so the same
/// inputs and `--as-of` give the same bytes.
public struct ReportWorkbook: Sendable {
    public let settings: ReportSettings

    public init(settings: ReportSettings) { self.settings = settings }

    // Styles.
    static let title = ExcelStyle(bold: true, fontSize: 16, alignment: .center, verticalCenter: true)
    static let meta = ExcelStyle(fontSize: 9)
    static let metaRight = ExcelStyle(fontSize: 9, alignment: .right)
    static let head = ExcelStyle(bold: true, fontSize: 10, wrap: true, alignment: .center, verticalCenter: true, border: true, fill: 0xE8EEF5)
    static let label = ExcelStyle(border: true)
    static let labelTotal = ExcelStyle(bold: true, border: true, fill: 0xF3F3F3)
    static let text = ExcelStyle(wrap: true, border: true)
    static let note = ExcelStyle(fontSize: 9, wrap: true, alignment: .left, verticalCenter: true)

    static func number(_ format: ExcelStyle.NumberFormat, total: Bool) -> ExcelStyle {
        ExcelStyle(bold: total, numberFormat: format, alignment: .right, border: true, fill: total ? 0xF3F3F3 : nil)
    }

    /// The workbook's bytes.
    public func render(_ document: ReportDocument) throws -> [UInt8] {
        let created = Int(document.asOf.ordinal) * 86_400
        let workbook = try ExcelWorkbook(created: created, title: document.title)
        for table in document.tables {
            try write(table, document: document, into: try workbook.addSheet("表\(table.number)"))
        }
        try provenance(document, into: try workbook.addSheet("数据来源"))
        return try workbook.bytes()
    }

    private func write(_ table: ReportTable, document: ReportDocument, into sheet: ExcelSheet) throws {
        let width = table.columns.count + 1  // the row heading, then the columns
        let panels = ReportViewModel.panelRanges(table)
        // The title, the 表号 block, the unit line, the notes and the footer stand within the
        // first printed page (the row heading and the first panel's columns).
        let last = (panels.first?.count ?? table.columns.count)
        // The title with the 表号 block at its right (rows 0–3); on a narrow table the title
        // has row 0 to itself and the block follows under it.
        let blockColumn = max(0, last - 1)
        let block = [
            ("表    号:", settings.tableNumber), ("制表机关:", settings.authority),
            ("批准文号:", settings.approvalNumber), ("有效期至:", settings.validUntil),
        ]
        let narrow = last < 4
        let title = "表\(table.number) \(table.title)"
        if narrow {
            try sheet.merge(0, 0, 0, last, title, Self.title)
            try sheet.row(0, height: 28)
        } else {
            try sheet.merge(0, 0, 3, blockColumn - 1, title, Self.title)
        }
        let blockTop = narrow ? 1 : 0
        for (i, (name, value)) in block.enumerated() {
            if blockColumn == last {
                try sheet.text(blockTop + i, last, name + value, Self.meta)
            } else {
                try sheet.text(blockTop + i, blockColumn, name, Self.metaRight)
                try sheet.text(blockTop + i, last, value, Self.meta)
            }
        }
        // Then 填报单位, the period, the unit.
        let unitRow = blockTop + 4
        let middle = max(1, (last + 1) / 2)
        try sheet.text(unitRow, 0, "填报单位:" + settings.reportingUnit, Self.meta)
        if middle < last {
            try sheet.text(unitRow, middle, "统计期间:\(document.window.from) 至 \(document.window.to);数据截至 \(document.asOf)", Self.meta)
        }
        try sheet.text(unitRow, last, "金额单位:万元", Self.metaRight)

        // The header rows: group headings merged over their columns; a column without a
        // group, and the row heading, span both rows.
        let headTop = unitRow + 1
        let twoLevels = table.columns.contains { $0.group != nil }
        let headRows = twoLevels ? 2 : 1
        try sheet.merge(headTop, 0, headTop + headRows - 1, 0, table.rowHeading, Self.head)
        var i = 0
        while i < table.columns.count {
            let column = table.columns[i]
            if let group = column.group {
                var span = 1
                while i + span < table.columns.count && table.columns[i + span].group == group { span += 1 }
                let shared = Set(table.columns[i..<i + span].map(\.unit)).count == 1 ? column.unit : nil
                try sheet.merge(headTop, i + 1, headTop, i + span, group + (shared.map { "\n(\($0))" } ?? ""), Self.head)
                for k in i..<i + span {
                    let own = shared == nil ? table.columns[k].unit : nil
                    try sheet.text(headTop + 1, k + 1, table.columns[k].label + (own.map { "\n(\($0))" } ?? ""), Self.head)
                }
                i += span
            } else {
                try sheet.merge(headTop, i + 1, headTop + headRows - 1, i + 1, column.label + (column.unit.map { "\n(\($0))" } ?? ""), Self.head)
                i += 1
            }
        }
        for r in headTop..<headTop + headRows { try sheet.row(r, height: 30) }

        // The rows.
        var row = headTop + headRows
        if table.rows.isEmpty {
            try sheet.merge(row, 0, row, width - 1, "本期无记录。", Self.text)
            row += 1
        }
        for record in table.rows {
            try sheet.text(row, 0, record.label, record.isTotal ? Self.labelTotal : Self.label)
            for (c, cell) in record.cells.enumerated() {
                try write(cell, row: row, column: c + 1, total: record.isTotal, into: sheet)
            }
            row += 1
        }
        // Widths: the row heading fits its longest label; a narrow table's columns widen so
        // the title, the 表号 block and the notes have room (as the HTML's minimum width).
        let headingWidth = table.rows.map { $0.label.count }.max().map { min(40, max(12, Double($0) * 2 + 2)) } ?? 14
        let firstPanel = Double(max(1, last))
        let columnWidth = min(40, max(11, (100 - headingWidth) / firstPanel))
        try sheet.columns(0, 0, width: headingWidth)
        // A column of texts (names, states) is as wide as its longest text, up to 40; a
        // column of dates fits yyyy-mm-dd. Each column is set once (overlapping column
        // ranges are read differently by different programs).
        for c in table.columns.indices {
            var longest: Int?, dates = false
            for row in table.rows {
                switch row.cells[c] {
                case .text(let t): longest = max(longest ?? 0, t.count)
                case .date: dates = true
                default: break
                }
            }
            var wanted = columnWidth
            if let longest { wanted = max(wanted, Double(longest) * 1.9 + 2) }
            if dates { wanted = max(wanted, 12.5) }
            try sheet.columns(c + 1, c + 1, width: min(40, wanted))
        }

        // Footnotes, then the footer.
        row += 1
        let notesColumn = panels.count > 1 ? 1 : 0
        let noteWidth = columnWidth * Double(last + 1 - notesColumn) + (notesColumn == 0 ? headingWidth - columnWidth : 0)
        for footnote in table.footnotes {
            // From column B: column A is repeated on every printed page, the notes are not.
            try sheet.merge(row, notesColumn, row, max(notesColumn, last), "注:" + footnote, Self.note)
            let lines = (footnote.count * 2 + 4) / max(1, Int(noteWidth)) + 1
            try sheet.row(row, height: Double(max(1, lines)) * 13)
            row += 1
        }
        row += 1
        let footer = [
            "单位负责人:" + settings.unitHead, "统计负责人:" + settings.statisticsHead,
            "填表人:" + settings.preparer, "报出日期:\(document.asOf)",
        ]
        let span = last + 1 - notesColumn
        if span >= footer.count {
            let step = span / footer.count
            for (k, text) in footer.enumerated() { try sheet.text(row, notesColumn + k * step, text, Self.meta) }
        } else {
            try sheet.text(row, notesColumn, footer.joined(separator: "    "), Self.meta)
        }

        // Frozen headers, print setup.
        sheet.freeze(rows: headTop + headRows, columns: 1)
        // A wide table prints on as many pages across as the HTML has panels, each page with
        // the header rows and the county column.
        try sheet.printSetup(
            landscape: true, pagesWide: panels.count,
            repeatRows: headTop...(headTop + headRows - 1), repeatColumns: 0...0)
    }

    /// A cell as a number showing what the table shows (the value rounded as displayed, so
    /// the workbook agrees with the HTML and CSV to the digit), or as text.
    private func write(_ cell: ReportCell, row: Int, column: Int, total: Bool, into sheet: ExcelSheet) throws {
        switch cell {
        case .count(let n):
            try sheet.number(row, column, Double(n), Self.number(.integer, total: total))
        case .money(let m):
            try sheet.number(row, column, Double(m.wanString) ?? 0, Self.number(.twoDecimals, total: total))
        case .rate(let r):
            if let permille = r.permille {
                try sheet.number(row, column, Double(permille) / 1000, Self.number(.percentOneDecimal, total: total))
            } else {
                try sheet.text(row, column, r.display, Self.number(.percentOneDecimal, total: total))
            }
        case .points(let tenths):
            try sheet.number(row, column, Double(tenths) / 10, Self.number(.custom("0.0"), total: total))
        case .date(let day):
            try sheet.date(row, column, year: day.year, month: day.month, day: day.day, Self.number(.isoDate, total: total))
        case .text(let t):
            try sheet.text(row, column, t, total ? Self.labelTotal : Self.text)
        case .none:
            try sheet.blank(row, column, total ? Self.labelTotal : Self.text)
        }
    }

    private func provenance(_ document: ReportDocument, into sheet: ExcelSheet) throws {
        try sheet.merge(0, 0, 0, 5, "数据来源", Self.title)
        let heads = ["县(区)代码", "县(区)", "数据状态", "所用期间", "报送日期", "内容摘要(SHA-256)"]
        for (c, h) in heads.enumerated() { try sheet.text(1, c, h, Self.head) }
        for (r, county) in document.provenance.enumerated() {
            let values = [
                county.countyCode, county.countyName, county.status.label, county.period?.description ?? "",
                county.submittedOn?.description ?? "", county.digest ?? "",
            ]
            for (c, v) in values.enumerated() { try sheet.text(r + 2, c, v, Self.text) }
        }
        let end = document.provenance.count + 3
        try sheet.text(end, 0, "输入数据摘要:" + document.inputDigest, Self.note)
        try sheet.text(end + 1, 0, "相同输入与截至日期生成的报表逐字节一致。由 FundWatch 生成。", Self.note)
        try sheet.columns(0, 0, width: 12)
        try sheet.columns(1, 4, width: 14)
        try sheet.columns(5, 5, width: 70)
        sheet.freeze(rows: 2)
        try sheet.printSetup(landscape: true, repeatRows: 1...1)
    }
}
