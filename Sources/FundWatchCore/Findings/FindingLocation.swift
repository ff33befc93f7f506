/// Where a value was read: used to place a finding.
public struct FindingLocation: Sendable, Hashable {
    public var file: String
    public var line: Int?
    public var element: String?
    public var column: String?
    /// For .xlsx: the sheet and cell, e.g. `案件!F12` (`line` is then the sheet's row).
    public var cell: String?

    public init(file: String, line: Int?, element: String? = nil, column: String? = nil, cell: String? = nil) {
        self.file = file
        self.line = line
        self.element = element
        self.column = column
        self.cell = cell
    }
}
