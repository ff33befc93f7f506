import FundWatchCore

/// The one JSON encoding of a finding, for `validate --json`, the API's answers and the
/// 审核报告 an upload keeps: where (file, line, element, column, cell), the field by its key
/// (`field`: the column, or for XML without one the element path) and its Chinese `label`,
/// the rule, what the finding is about (`key`: a row's id, a month, a register or a metric;
/// null for the format's rules), severity, messages and what was expected.
public enum FindingJSON {
    public static func encode(_ f: Finding) -> JSONValue {
        .object([
            ("file", .string(f.file)),
            ("line", .optional(f.line)),
            ("element", .optional(f.element)),
            ("column", .optional(f.column)),
            ("field", .optional(f.column ?? f.element)),
            ("label", .optional(f.label)),
            ("cell", .optional(f.cell)),
            ("rule", .string(f.rule)),
            ("key", .optional(f.key)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message)),
            ("message_en", .string(f.messageEN)),
            ("expected", .string(f.expected)),
        ])
    }
}
