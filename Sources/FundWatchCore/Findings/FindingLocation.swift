/// Where a value was read, and where a finding about it points.
public struct FindingLocation: Sendable, Hashable {
    /// The file (or `archive.zip!/entry`).
    public var file: String
    /// 1-based line; nil for the file as a whole.
    public var line: Int?
    /// For XML: the element path, e.g. `/submission/cases/case[2]/closed_on`.
    public var element: String?
    /// For CSV: the column name; for .xlsx, the field the cell holds.
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
