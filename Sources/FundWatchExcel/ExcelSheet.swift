import CXlsxWriter

/// One sheet of an ``ExcelWorkbook``. Rows and columns are 0-based, as in libxlsxwriter.
/// Every call checks its arguments first; a refusal from the C library is a ``ExcelWorkbook/Failure``.
public final class ExcelSheet {
    let sheet: UnsafeMutablePointer<lxw_worksheet>
    public let name: String
    unowned let workbook: ExcelWorkbook

    init(sheet: UnsafeMutablePointer<lxw_worksheet>, name: String, workbook: ExcelWorkbook) {
        self.sheet = sheet
        self.name = name
        self.workbook = workbook
    }

    /// Excel's limits: 1,048,576 rows, 16,384 columns, 32,767 characters in a cell.
    static let maxRow = 1_048_575, maxColumn = 16_383, maxText = 32_767

    private func check(_ row: Int, _ column: Int) throws(ExcelWorkbook.Failure) {
        guard (0...Self.maxRow).contains(row), (0...Self.maxColumn).contains(column) else {
            throw ExcelWorkbook.Failure("cell (\(row), \(column)) is outside a sheet")
        }
    }

    private func checked(_ result: lxw_error, _ what: String) throws(ExcelWorkbook.Failure) {
        guard result == LXW_NO_ERROR else { throw ExcelWorkbook.Failure("\(what) on sheet \(name): " + String(cString: lxw_strerror(result))) }
    }

    /// Text (at most 32,767 characters; an empty text writes a blank cell with the style).
    public func text(_ row: Int, _ column: Int, _ text: String, _ style: ExcelStyle? = nil) throws(ExcelWorkbook.Failure) {
        try check(row, column)
        if text.isEmpty { return try blank(row, column, style) }
        guard text.utf16.count <= Self.maxText, !text.unicodeScalars.contains(where: { $0.value == 0 }) else {
            throw ExcelWorkbook.Failure("a text of \(text.utf16.count) characters does not fit a cell")
        }
        try checked(worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text, workbook.format(style)), "a text")
    }

    /// A number.
    public func number(_ row: Int, _ column: Int, _ value: Double, _ style: ExcelStyle? = nil) throws(ExcelWorkbook.Failure) {
        try check(row, column)
        guard value.isFinite else { throw ExcelWorkbook.Failure("a number that is not finite") }
        try checked(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), value, workbook.format(style)), "a number")
    }

    /// A date (`year`, `month`, `day`), shown by the style's number format.
    public func date(_ row: Int, _ column: Int, year: Int, month: Int, day: Int, _ style: ExcelStyle? = nil) throws(ExcelWorkbook.Failure) {
        try check(row, column)
        guard (1900...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            throw ExcelWorkbook.Failure("a date out of range")
        }
        var value = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
        try checked(worksheet_write_datetime(sheet, lxw_row_t(row), lxw_col_t(column), &value, workbook.format(style)), "a date")
    }

    /// An empty cell with a style (an unlocked input cell, a bordered blank).
    public func blank(_ row: Int, _ column: Int, _ style: ExcelStyle?) throws(ExcelWorkbook.Failure) {
        try check(row, column)
        guard let format = workbook.format(style) else { return }
        try checked(worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(column), format), "a blank")
    }

    /// Merges a range and writes `text` into it.
    public func merge(
        _ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int, _ text: String, _ style: ExcelStyle? = nil
    ) throws(ExcelWorkbook.Failure) {
        try check(firstRow, firstColumn)
        try check(lastRow, lastColumn)
        guard lastRow >= firstRow, lastColumn >= firstColumn, lastRow > firstRow || lastColumn > firstColumn else {
            return try self.text(firstRow, firstColumn, text, style)
        }
        guard text.utf16.count <= Self.maxText else { throw ExcelWorkbook.Failure("a merged text too long") }
        try checked(
            worksheet_merge_range(
                sheet, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn),
                text, workbook.format(style)), "a merged range")
    }

    /// Column widths (in characters) and a default style for the columns.
    public func columns(_ first: Int, _ last: Int, width: Double, _ style: ExcelStyle? = nil, hidden: Bool = false) throws(ExcelWorkbook.Failure) {
        try check(0, first)
        try check(0, last)
        var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: 0, collapsed: 0)
        try checked(worksheet_set_column_opt(sheet, lxw_col_t(first), lxw_col_t(last), width, workbook.format(style), &options), "column widths")
    }

    /// A row's height (points) and whether it is hidden.
    public func row(_ row: Int, height: Double, hidden: Bool = false) throws(ExcelWorkbook.Failure) {
        try check(row, 0)
        var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: 0, collapsed: 0)
        try checked(worksheet_set_row_opt(sheet, lxw_row_t(row), height, nil, &options), "a row height")
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    public func freeze(rows: Int, columns: Int = 0) {
        worksheet_freeze_panes(sheet, lxw_row_t(max(0, rows)), lxw_col_t(max(0, columns)))
    }

    /// Protects the sheet without a password: locked cells cannot be changed, unlocked
    /// ones can; rows may still be formatted and inserted.
    public func protect() {
        var options = lxw_protection()
        options.format_columns = 1
        options.format_rows = 1
        options.insert_rows = 1
        worksheet_protect(sheet, nil, &options)
    }

    /// A dropdown over a range, its items taken from `source` (a defined name or a range,
    /// e.g. `=list_category`): never an inline list (1.1.4 overflows a buffer with Chinese
    /// items). `strict` refuses other values; otherwise Excel warns and lets the value in
    /// (for `;`-lists, which no dropdown can offer). FundWatch validates every value again.
    public func dropdown(
        _ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int, source: String, strict: Bool
    ) throws(ExcelWorkbook.Failure) {
        try check(firstRow, firstColumn)
        try check(lastRow, lastColumn)
        try ExcelWorkbook.checkFormula(source)
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
        validation.error_type = UInt8((strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING).rawValue)
        let result = source.withCString { formula in
            validation.value_formula = UnsafeMutablePointer(mutating: formula)
            return worksheet_data_validation_range(
                sheet, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn), &validation)
        }
        try checked(result, "a dropdown")
    }

    /// Hides the sheet.
    public func hide() { worksheet_hide(sheet) }

    /// Print setup: A4 landscape, fitted to `pagesWide` pages across (as many down as it
    /// takes), `repeatRows` repeated at the top of every page and `repeatColumns` at its
    /// left, page numbers in the footer.
    public func printSetup(
        landscape: Bool = true, pagesWide: Int = 1, repeatRows: ClosedRange<Int>? = nil,
        repeatColumns: ClosedRange<Int>? = nil
    ) throws(ExcelWorkbook.Failure) {
        if landscape { worksheet_set_landscape(sheet) }
        worksheet_set_paper(sheet, 9)  // A4
        worksheet_fit_to_pages(sheet, UInt16(min(max(1, pagesWide), 100)), 0)
        worksheet_set_margins(sheet, 0.4, 0.4, 0.6, 0.6)
        if let rows = repeatRows {
            try check(rows.upperBound, 0)
            try checked(worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), "repeated rows")
        }
        if let columns = repeatColumns {
            try check(0, columns.upperBound)
            try checked(worksheet_repeat_columns(sheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound)), "repeated columns")
        }
        try checked(worksheet_set_footer(sheet, "&C第 &P 页,共 &N 页"), "a footer")
    }
}
