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
    /// XML: path of the row element, e.g. `/submission/cases/case[2]`.
    public var elementPath: String?
    /// XML: line of each field's element, where known.
    public var fieldLines: [Int?]

    public init(register: Register, file: String, line: Int, elementPath: String? = nil) {
        self.register = register
        let count = register.fieldNames.count
        self.values = Array(repeating: nil, count: count)
        self.fieldLines = Array(repeating: nil, count: count)
        self.file = file
        self.line = line
        self.elementPath = elementPath
    }

    /// Where the field at `index` stands, for a finding.
    public func location(of index: Int) -> SourceLocation {
        let name = register.fieldNames[index]
        if let elementPath {
            return SourceLocation(file: file, line: fieldLines[index] ?? line, element: elementPath + "/" + name)
        }
        return SourceLocation(file: file, line: fieldLines[index] ?? line, column: name)
    }

    /// Where the row as a whole stands.
    public var location: SourceLocation {
        SourceLocation(file: file, line: line, element: elementPath)
    }
}
