/// One problem found in a submission, precise enough for a clerk to find and fix it.
///
/// Messages never quote free-text fields, so a confidential value (the reporter) can
/// never leak through a finding.
public struct Finding: Sendable, Hashable {
    /// Where the problem is: file, line, element or column, cell, and the field's label.
    public var location: FindingLocation
    /// Stable rule identifier, e.g. `cases.closed_on.order`.
    public var rule: String
    public var severity: Severity
    /// What is wrong, in Chinese.
    public var message: String
    /// What is wrong, in English.
    public var messageEN: String
    /// What was expected instead.
    public var expected: String
    /// What the finding is about, for a program to act on: a row's id (`case_id`, an
    /// institution code), a month (`YYYY-MM`), a register or a metric. Plausibility findings
    /// carry one; the rules of the format leave it nil (their place says it).
    public var key: String?

    public init(
        file: String, line: Int?, element: String? = nil, column: String? = nil, cell: String? = nil, label: String? = nil,
        rule: String, severity: Severity = .error, message: String, messageEN: String, expected: String, key: String? = nil
    ) {
        self.init(
            at: FindingLocation(file: file, line: line, element: element, column: column, cell: cell, label: label), rule: rule,
            severity: severity, message: message, messageEN: messageEN, expected: expected, key: key)
    }

    public init(
        at location: FindingLocation, rule: String, severity: Severity = .error, message: String, messageEN: String, expected: String,
        key: String? = nil
    ) {
        self.location = location
        self.rule = rule
        self.severity = severity
        self.message = message
        self.messageEN = messageEN
        self.expected = expected
        self.key = key
    }

    /// The file (or `archive.zip!/entry`) the problem is in.
    public var file: String {
        get { location.file }
        set { location.file = newValue }
    }
    /// 1-based line; nil when the problem concerns the file as a whole.
    public var line: Int? {
        get { location.line }
        set { location.line = newValue }
    }
    /// For XML: the element path, e.g. `/submission/cases/case[2]/closed_on`.
    public var element: String? {
        get { location.element }
        set { location.element = newValue }
    }
    /// For CSV: the column name; for .xlsx, the field the cell holds.
    public var column: String? {
        get { location.column }
        set { location.column = newValue }
    }
    /// For .xlsx: the sheet and cell, e.g. `案件!F12`; `line` is the sheet's row.
    public var cell: String? {
        get { location.cell }
        set { location.cell = newValue }
    }
    /// The field as the clerk knows it: its Chinese label, e.g. `涉及金额(元)` (the key is `column`).
    public var label: String? {
        get { location.label }
        set { location.label = newValue }
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
