import FundWatchCore
import FundWatchTemplating

/// The rows of a table (or of one printed panel of it) as the templates walk them, one
/// row at a time while rendering: a national table is 2,800 rows × 38 cells, table 5 one
/// row per major case (made only now, see ``ReportRows``). Each row is read once into the
/// walk's ``Current``; row and cell views are two or three words (the shared panel, the
/// current row, a column), so handing one to the template allocates nothing, and they
/// answer interned keys with integer comparisons. A view is valid while the template is
/// at its row (templates render in one pass and keep no view).
struct RowsView: TemplateList {
    let panel: Panel

    init(rows: ReportRows, columns: [ReportColumn], range: Range<Int>?) {
        panel = Panel(rows: rows, columns: columns, range: range ?? 0..<columns.count)
    }

    var isEmpty: Bool { panel.rows.isEmpty }

    func forEach(_ body: (TemplateValue) -> Void) {
        let current = Current()
        for row in panel.rows.indices {
            current.record = panel.rows[row]
            body(.object(RowView(panel: panel, current: current)))
        }
    }

    /// The row the walk is at.
    final class Current {
        var record = ReportRow(key: "", label: "", cells: [])
    }

    /// What the views of one table or panel share.
    final class Panel {
        let rows: ReportRows
        let columns: [ReportColumn]
        /// The columns shown.
        let range: Range<Int>

        init(rows: ReportRows, columns: [ReportColumn], range: Range<Int>) {
            self.rows = rows
            self.columns = columns
            self.range = range
        }
    }
}

/// The keys the row and cell views answer, as interned numbers (a switch over them is a
/// few integer comparisons).
private enum Keys {
    static let key = TemplateKey("key").id, label = TemplateKey("label").id
    static let isTotal = TemplateKey("isTotal").id, cells = TemplateKey("cells").id
    static let column = TemplateKey("column").id, display = TemplateKey("display").id, isNumeric = TemplateKey("isNumeric").id
    static let isCount = TemplateKey("isCount").id, isMoney = TemplateKey("isMoney").id, isRate = TemplateKey("isRate").id
    static let isText = TemplateKey("isText").id, isDate = TemplateKey("isDate").id
    static let isPoints = TemplateKey("isPoints").id, isNone = TemplateKey("isNone").id
    static let yuan = TemplateKey("yuan").id, hasPercent = TemplateKey("hasPercent").id, percent = TemplateKey("percent").id
    static let numerator = TemplateKey("numerator").id, denominator = TemplateKey("denominator").id
}

/// One row: `key`, `label`, `isTotal`, `cells`.
struct RowView: TemplateObject {
    let panel: RowsView.Panel
    let current: RowsView.Current

    func value(named name: String) -> TemplateValue? { value(for: TemplateKey(name)) }

    func value(for key: TemplateKey) -> TemplateValue? {
        let r = current.record
        switch key.id {
        case Keys.key: return .text(r.key)
        case Keys.label: return .text(r.label)
        case Keys.isTotal: return .flag(r.isTotal)
        case Keys.cells: return .list(CellsView(panel: panel, current: current))
        default: return nil
        }
    }
}

/// The cells of one row, in column order.
struct CellsView: TemplateList {
    let panel: RowsView.Panel
    let current: RowsView.Current

    var isEmpty: Bool { panel.range.isEmpty }

    func forEach(_ body: (TemplateValue) -> Void) {
        for column in panel.range { body(.object(CellView(panel: panel, current: current, column: column))) }
    }
}

/// One cell: what it shows and, for the XML, its exact value.
///
/// `display`, `column`, `isNumeric`; one of `isCount`, `isMoney`, `isRate`, `isText`, `isDate`,
/// `isPoints`, `isNone`; money adds `yuan`; a rate adds `hasPercent`, `percent`, `numerator`
/// and `denominator`.
struct CellView: TemplateObject {
    let panel: RowsView.Panel
    let current: RowsView.Current
    let column: Int

    func value(named name: String) -> TemplateValue? { value(for: TemplateKey(name)) }

    func value(for key: TemplateKey) -> TemplateValue? {
        let cell = current.record.cells[column]
        switch key.id {
        case Keys.column: return .text(panel.columns[column].key)
        case Keys.display:
            if case .none = cell { return .text("—") }
            return .text(cell.display)
        case Keys.isNumeric: return .flag(cell.isNumeric)
        case Keys.isCount: if case .count = cell { return .flag(true) } else { return .flag(false) }
        case Keys.isMoney: if case .money = cell { return .flag(true) } else { return .flag(false) }
        case Keys.isRate: if case .rate = cell { return .flag(true) } else { return .flag(false) }
        case Keys.isText: if case .text = cell { return .flag(true) } else { return .flag(false) }
        case Keys.isDate: if case .date = cell { return .flag(true) } else { return .flag(false) }
        case Keys.isPoints: if case .points = cell { return .flag(true) } else { return .flag(false) }
        case Keys.isNone: if case .none = cell { return .flag(true) } else { return .flag(false) }
        case Keys.yuan: if case .money(let m) = cell { return .text(m.yuanString) } else { return nil }
        case Keys.hasPercent: if case .rate(let r) = cell { return .flag(r.percentNumber != nil) } else { return nil }
        case Keys.percent: if case .rate(let r) = cell { return .text(r.percentNumber ?? "") } else { return nil }
        case Keys.numerator: if case .rate(let r) = cell { return .number(r.numerator) } else { return nil }
        case Keys.denominator: if case .rate(let r) = cell { return .number(r.denominator) } else { return nil }
        default: return nil
        }
    }
}
