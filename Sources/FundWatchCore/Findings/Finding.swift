/// One problem found in a submission, precise enough for a clerk to find and fix it.
///
/// Messages never quote free-text fields, so a confidential value (the reporter) can
/// never leak through a finding.
public struct Finding: Sendable, Hashable, Codable {
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
    /// Stable rule identifier, e.g. `cases.closed_on.order`.
    public var rule: String
    public var severity: Severity
    /// What is wrong, in Chinese.
    public var message: String
    /// What is wrong, in English.
    public var messageEN: String
    /// What was expected instead.
    public var expected: String

    public init(file: String, line: Int?, element: String? = nil, column: String? = nil, cell: String? = nil, rule: String,
                severity: Severity = .error, message: String, messageEN: String, expected: String) {
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

    enum CodingKeys: String, CodingKey {
        case file, line, element, column, cell, rule, severity, message
        case messageEN = "message_en"
        case expected
    }

    /// `file:line (element): [severity rule] 中文 / English — expected: …`; for a
    /// workbook `file 案件!F12 [field]: …`.
    public var formatted: String {
        var place = file
        if let cell {
            place += " \(cell)"
            if let column { place += " [\(column)]" }
            return "\(place): \(severity.rawValue) \(rule): \(message) / \(messageEN) — 应为 expected: \(expected)"
        }
        if let line { place += ":\(line)" }
        if let element { place += " \(element)" } else if let column { place += " [\(column)]" }
        return "\(place): \(severity.rawValue) \(rule): \(message) / \(messageEN) — 应为 expected: \(expected)"
    }
}
