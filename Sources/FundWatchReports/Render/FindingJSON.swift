import Foundation
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

    /// The findings of a JSON array ``encode(_:)`` wrote (an upload's stored 审核报告); an
    /// unreadable text gives none.
    public static func decode(_ json: String) -> [Finding] {
        struct Row: Decodable {
            var file: String
            var line: Int?
            var element: String?
            var column: String?
            var label: String?
            var cell: String?
            var rule: String
            var key: String?
            var severity: String
            var message: String
            var message_en: String?
            var expected: String
        }
        let rows = (try? JSONDecoder().decode([Row].self, from: Data(json.utf8))) ?? []
        return rows.map { r in
            Finding(
                file: r.file, line: r.line, element: r.element, column: r.column, cell: r.cell, label: r.label, rule: r.rule,
                severity: Severity(rawValue: r.severity) ?? .error, message: r.message, messageEN: r.message_en ?? "", expected: r.expected,
                key: r.key)
        }
    }
}
