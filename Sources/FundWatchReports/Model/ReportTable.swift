import FundWatchCore

/// What a cell holds. Figures are computed when the table is built; renderers only format.
public enum ReportCell: Sendable, Hashable {
    case count(Int)
    case money(Money)
    case rate(Rate)
    case text(String)
    case date(Day)
    /// Points with one decimal, held in tenths (`125` → `12.5`).
    case points(Int)
    /// Nothing to show (a missing county, an unset date).
    case none

    /// How every format shows it: 万元 with two decimals, `75.0%`, `—` for a zero-denominator rate, empty for none.
    public var display: String {
        switch self {
        case .count(let n): String(n)
        case .money(let m): m.wanString
        case .rate(let r): r.display
        case .text(let t): t
        case .date(let d): d.description
        case .points(let t): (t < 0 ? "-" : "") + String(abs(t) / 10) + "." + String(abs(t) % 10)
        case .none: ""
        }
    }

    /// Whether the cell is a number (right-aligned; never neutralised in CSV).
    public var isNumeric: Bool {
        switch self {
        case .count, .money, .rate, .points: true
        default: false
        }
    }
}

/// A column of a report table: a label under an optional group heading, with its unit.
public struct ReportColumn: Sendable, Hashable {
    /// Stable key, e.g. `coverage_rate.period`.
    public var key: String
    /// The upper heading shared by neighbouring columns, e.g. `检查覆盖率`.
    public var group: String?
    /// The column's own heading, e.g. `本期`.
    public var label: String
    /// `家`, `件`, `万元`, `%`, or nil.
    public var unit: String?

    public init(key: String, group: String? = nil, label: String, unit: String? = nil) {
        self.key = key
        self.group = group
        self.label = label
        self.unit = unit
    }

    /// One-line heading for CSV: `检查覆盖率·本期(%)`.
    public var flatHeading: String {
        let unitText = unit.map { "(\($0))" } ?? ""
        if let group { return "\(group)·\(label)\(unitText)" }
        return label + unitText
    }
}

/// A row: its heading (the first column) and one cell per column.
public struct ReportRow: Sendable, Hashable {
    public var key: String
    public var label: String
    public var cells: [ReportCell]
    /// The 合计 row.
    public var isTotal: Bool

    public init(key: String, label: String, cells: [ReportCell], isTotal: Bool = false) {
        self.key = key
        self.label = label
        self.cells = cells
        self.isTotal = isTotal
    }
}

/// One statistical table, as a statistician would lay it out by hand.
public struct ReportTable: Sendable, Hashable {
    /// `table1` … `table6`.
    public var id: String
    public var number: Int
    public var title: String
    /// Heading of the row-label column, e.g. `县(区)`.
    public var rowHeading: String
    public var columns: [ReportColumn]
    public var rows: ReportRows
    public var footnotes: [String]

    public init(id: String, number: Int, title: String, rowHeading: String, columns: [ReportColumn], rows: ReportRows, footnotes: [String]) {
        self.id = id
        self.number = number
        self.title = title
        self.rowHeading = rowHeading
        self.columns = columns
        self.rows = rows
        self.footnotes = footnotes
    }

    public init(id: String, number: Int, title: String, rowHeading: String, columns: [ReportColumn], rows: [ReportRow], footnotes: [String]) {
        self.init(id: id, number: number, title: title, rowHeading: rowHeading, columns: columns, rows: ReportRows(rows), footnotes: footnotes)
    }
}
