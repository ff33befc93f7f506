/// The rows of a table: held (most tables: one row per county) or made on demand from
/// what the table is built on (table 5: one row per major case, made as a renderer reaches
/// it, so a register-sized table is never held whole as cells).
public struct ReportRows: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    private enum Storage: Sendable {
        case held([ReportRow])
        case made(count: Int, row: @Sendable (Int) -> ReportRow)
    }

    private let storage: Storage

    /// Rows held as they are.
    public init(_ rows: [ReportRow]) { storage = .held(rows) }

    public init(arrayLiteral rows: ReportRow...) { storage = .held(rows) }

    /// `count` rows, the one at `index` made by `row(index)` each time it is read.
    public init(count: Int, row: @escaping @Sendable (Int) -> ReportRow) { storage = .made(count: Swift.max(0, count), row: row) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .held(let rows): rows.count
        case .made(let count, _): count
        }
    }

    public subscript(position: Int) -> ReportRow {
        switch storage {
        case .held(let rows): rows[position]
        case .made(_, let row): row(position)
        }
    }

    public static func == (a: ReportRows, b: ReportRows) -> Bool { a.elementsEqual(b) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for row in self { hasher.combine(row) }
    }
}
