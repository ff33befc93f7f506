import FundWatchCore

/// One row of a register (or the header) as read, before any rule: each field's UTF-8
/// bytes by field index, plus where each value stands.
///
/// Values are kept as bytes, not strings: the rules parse dates, amounts, flags and codes
/// straight from them, and only names and texts become strings. A reader may reuse one row
/// for every record (``reset(line:xmlPosition:)``), so reading allocates nothing per row.
public struct RawRow: Sendable {
    public let register: Register
    /// Every value's bytes, one after another.
    private var storage: [UInt8] = []
    /// Each field's start and end in `storage`; start -1 when the field is absent.
    private var starts: [Int32]
    private var ends: [Int32]
    /// The file the row is in.
    public var file: String
    /// Line where the row starts.
    public var line: Int
    /// XML: the row element's position among its register's rows (1-based), 0 for the
    /// header; nil for CSV. The element path is made from it only when a finding needs it.
    public var xmlPosition: Int?
    /// Line of each field's element (XML) or row (`submission.csv`), where known; empty
    /// when every field stands on the row's line, as in a register CSV.
    public private(set) var fieldLines: [Int?]
    /// .xlsx: the sheet the row is on (`line` is then the sheet's row number), and the
    /// 0-based column of each field (-1 when the sheet has no such column).
    public var sheet: String?
    public var cellColumns: [Int] = []

    public init(register: Register, file: String, line: Int, xmlPosition: Int? = nil) {
        self.register = register
        let count = register.fieldNames.count
        self.starts = Array(repeating: -1, count: count)
        self.ends = Array(repeating: -1, count: count)
        self.fieldLines = []
        self.file = file
        self.line = line
        self.xmlPosition = xmlPosition
        storage.reserveCapacity(256)
    }

    /// Empties the row for the next record, keeping its memory.
    public mutating func reset(line: Int, xmlPosition: Int? = nil) {
        storage.removeAll(keepingCapacity: true)
        for i in starts.indices { starts[i] = -1 }
        for i in fieldLines.indices { fieldLines[i] = nil }
        self.line = line
        self.xmlPosition = xmlPosition
    }

    /// Sets the field at `index` to some UTF-8 bytes.
    public mutating func set(_ index: Int, utf8 bytes: UnsafeBufferPointer<UInt8>) {
        starts[index] = Int32(storage.count)
        storage.append(contentsOf: bytes)
        ends[index] = Int32(storage.count)
    }

    /// Starts the field at `index`, empty, for ``append(_:utf8:)`` to fill: a reader that
    /// gets a value in pieces (XML text) writes them straight in, one field at a time.
    public mutating func begin(_ index: Int) {
        starts[index] = Int32(storage.count)
        ends[index] = Int32(storage.count)
    }

    /// Appends bytes to the field at `index`, which must be the one begun last.
    public mutating func append(_ index: Int, utf8 bytes: UnsafeBufferPointer<UInt8>) {
        storage.append(contentsOf: bytes)
        ends[index] = Int32(storage.count)
    }

    /// Makes the field at `index` absent again.
    public mutating func remove(_ index: Int) {
        starts[index] = -1
    }

    /// Sets the field at `index` to `text`.
    public mutating func set(_ index: Int, _ text: String) {
        var text = text
        text.withUTF8 { set(index, utf8: $0) }
    }

    /// Whether the field at `index` was present (possibly empty).
    public func has(_ index: Int) -> Bool { starts[index] >= 0 }

    /// Calls `body` with the field's bytes (valid during the call only); nil when absent.
    @inline(__always)
    public func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        let start = Int(starts[index])
        guard start >= 0 else { return nil }
        let end = Int(ends[index])
        return try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// XML: path of the row element, e.g. `/submission/cases/case[2]`; nil for CSV.
    public var elementPath: String? { Self.elementPath(of: register, at: xmlPosition) }

    /// The path of row element number `position` of `register` (the header: `/submission`).
    static func elementPath(of register: Register, at position: Int?) -> String? {
        guard let position else { return nil }
        guard let element = register.rowElement else { return "/submission" }
        return "/submission/\(register.rawValue)/\(element)[\(position)]"
    }

    /// Records that the field at `index` stands on `line`.
    public mutating func setLine(_ line: Int, of index: Int) {
        if fieldLines.isEmpty { fieldLines = Array(repeating: nil, count: register.fieldNames.count) }
        fieldLines[index] = line
    }

    /// The line the field at `index` stands on.
    public func line(of index: Int) -> Int {
        fieldLines.isEmpty ? line : fieldLines[index] ?? line
    }

    /// Where the field at `index` stands, for a finding.
    public func location(of index: Int) -> FindingLocation { place(of: index).location }

    /// Where the field at `index` stands, kept without making its location's text.
    public func place(of index: Int) -> FieldPlace {
        FieldPlace(
            register: register, file: file, line: line(of: index), xmlPosition: xmlPosition, index: index,
            sheet: sheet, sheetColumn: index < cellColumns.count ? cellColumns[index] : -1)
    }

    /// Where the row as a whole stands.
    public var location: FindingLocation {
        if let sheet { return FindingLocation(file: file, line: line, cell: "\(sheet)!\(line):\(line)") }
        return FindingLocation(file: file, line: line, element: elementPath)
    }
}

/// Where one field of a row stands: what a check deferred until the whole submission is
/// read keeps, so the location (an element path for XML) is only made for a finding.
public struct FieldPlace: Sendable {
    let register: Register
    let file: String
    let line: Int
    let xmlPosition: Int?
    let index: Int
    var sheet: String? = nil
    var sheetColumn: Int = -1

    /// The field's location: file, line and column (CSV), element path (XML), or sheet and cell (.xlsx).
    public var location: FindingLocation {
        let name = register.fieldNames[index], label = register.label(index)
        if let sheet {
            let cell = sheetColumn >= 0 ? CellReference.columnName(sheetColumn) + "\(line)" : "\(line):\(line)"
            return FindingLocation(file: file, line: line, column: name, cell: "\(sheet)!\(cell)", label: label)
        }
        if let row = RawRow.elementPath(of: register, at: xmlPosition) {
            return FindingLocation(file: file, line: line, element: row + "/" + name, column: name, label: label)
        }
        return FindingLocation(file: file, line: line, column: name, label: label)
    }
}
