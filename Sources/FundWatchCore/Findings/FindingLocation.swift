/// Where a value was read: used to place a finding.
public struct FindingLocation: Sendable, Hashable {
    public var file: String
    public var line: Int?
    public var element: String?
    public var column: String?
    /// For .xlsx: the sheet and cell, e.g. `案件!F12` (`line` is then the sheet's row).
    public var cell: String?
    /// The field as the clerk knows it: its Chinese label (`涉及金额(元)`), when the place is a field.
    public var label: String?

    public init(file: String, line: Int?, element: String? = nil, column: String? = nil, cell: String? = nil, label: String? = nil) {
        self.file = file
        self.line = line
        self.element = element
        self.column = column
        self.cell = cell
        self.label = label
    }
}
