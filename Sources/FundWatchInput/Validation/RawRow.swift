/// One row of a register (or the header) as read, before any rule: text by field index,
/// plus where each value stands.
public struct RawRow: Sendable {
    public let register: Register
    /// Values by field index (`CaseField.rawValue` …); nil when the field was absent.
    public var values: [String?]
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

    public init(register: Register, file: String, line: Int, xmlPosition: Int? = nil) {
        self.register = register
        let count = register.fieldNames.count
        self.values = Array(repeating: nil, count: count)
        self.fieldLines = []
        self.file = file
        self.line = line
        self.xmlPosition = xmlPosition
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
    public func location(of index: Int) -> SourceLocation { place(of: index).location }

    /// Where the field at `index` stands, kept without making its location's text.
    public func place(of index: Int) -> FieldPlace {
        FieldPlace(register: register, file: file, line: line(of: index), xmlPosition: xmlPosition, index: index)
    }

    /// Where the row as a whole stands.
    public var location: SourceLocation {
        SourceLocation(file: file, line: line, element: elementPath)
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

    /// The field's location: file, line and column (CSV) or element path (XML).
    public var location: SourceLocation {
        let name = register.fieldNames[index]
        if let row = RawRow.elementPath(of: register, at: xmlPosition) {
            return SourceLocation(file: file, line: line, element: row + "/" + name)
        }
        return SourceLocation(file: file, line: line, column: name)
    }
}
