/// One problem found in a submission, precise enough for a clerk to find and fix it.
///
/// Messages never quote free-text fields, so a confidential value (the reporter) can
/// never leak through a finding.
public struct Finding: Sendable, Hashable {
    /// The file (or `archive.zip!/entry`) the problem is in.
    public var file: String
    /// 1-based line; nil when the problem concerns the file as a whole.
    public var line: Int?
    /// For XML: the element path, e.g. `/submission/cases/case[2]/closed_on`.
    public var element: String?
    /// For CSV: the column name; for .xlsx, the field the cell holds.
    public var column: String?
    /// For .xlsx: the sheet and cell, e.g. `案件!F12`; `line` is the sheet's row.
    public var cell: String?
    /// The field as the clerk knows it: its Chinese label, e.g. `涉及金额(元)` (the key is `column`).
    public var label: String?
    /// Stable rule identifier, e.g. `cases.closed_on.order`.
    public var rule: String
    public var severity: Severity
    /// What is wrong, in Chinese.
    public var message: String
    /// What is wrong, in English.
    public var messageEN: String
    /// What was expected instead.
    public var expected: String

    public init(
        file: String, line: Int?, element: String? = nil, column: String? = nil, cell: String? = nil, label: String? = nil,
        rule: String, severity: Severity = .error, message: String, messageEN: String, expected: String
    ) {
        self.label = label
        self.file = file
        self.line = line
        self.element = element
        self.column = column
        self.cell = cell
        self.rule = rule
        self.severity = severity
        self.message = message
        self.messageEN = messageEN
        self.expected = expected
    }

    /// The field as a page or file names it: `涉及金额(元) amount_involved`, the label first.
    public var fieldName: String? {
        switch (label, column) {
        case let (label?, column?) where label != column: "\(label) \(column)"
        case let (label?, _): label
        case let (nil, column?): column
        default: nil
        }
    }

    /// `file:line 元素 [字段 key]: severity rule: 中文 / English — 应为 expected: …`; for a
    /// workbook `file 案件!F12 [涉及金额(元) amount_involved]: …`.
    public var formatted: String {
        var place = file
        if let cell {
            place += " \(cell)"
        } else if let line {
            place += ":\(line)"
        }
        if cell == nil, let element { place += " \(element)" }
        if let field = fieldName { place += " [\(field)]" }
        return "\(place): \(severity.rawValue) \(rule): \(message) / \(messageEN) — 应为 expected: \(expected)"
    }
}
