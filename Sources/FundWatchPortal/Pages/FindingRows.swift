import Foundation
import FundWatchCore
import FundWatchReports
import FundWatchTemplating

/// Findings as a 审核报告 shows them: file, line, field, rule, message in Chinese, what was
/// expected; and as the CSV a clerk downloads (UTF-8 with a byte-order mark, so Excel
/// opens it in Chinese).
struct FindingRow: Sendable {
    var file: String
    var line: Int?
    var element: String?
    var column: String?
    /// The field's Chinese label.
    var label: String?
    /// A workbook's sheet and cell (`案件!F12`).
    var cell: String?
    var rule: String
    var severity: String
    var message: String
    var expected: String

    init(_ f: Finding) {
        file = f.file
        line = f.line
        element = f.element
        column = f.column
        label = f.label
        cell = f.cell
        rule = f.rule
        severity = f.severity.rawValue
        message = f.message
        expected = f.expected
    }

    /// The rows of an upload record's stored JSON.
    static func decode(_ json: String) -> [FindingRow] { FindingJSON.decode(json).map(FindingRow.init) }

    /// The field as the clerk knows it (its label; the key beside it in small type on a page).
    var fieldLabel: String { label ?? column ?? element ?? "" }
    /// The field's key, shown after the label when there is one.
    var fieldKey: String { label == nil ? "" : column ?? "" }
    /// Both, for the CSV: `涉及金额(元) amount_involved`.
    var field: String { fieldKey.isEmpty ? fieldLabel : "\(fieldLabel) \(fieldKey)" }
    /// Where in the file: the sheet and cell of a workbook, else the line.
    var place: String { cell ?? line.map(String.init) ?? "" }
    var severityLabel: String { severity == "error" ? "错误" : "提示" }

    /// The row as the `findings` part of a page shows it.
    var view: View {
        View(
            file: file, line: place, fieldLabel: fieldLabel, fieldKey: fieldKey, rule: rule, severity: severity, severityLabel: severityLabel,
            message: message, expected: expected)
    }

    /// A finding on a page: where (`line` is the line or the sheet and cell), the field,
    /// the rule, what is wrong and what was expected.
    struct View: TemplateModel {
        let file: String
        let line: String
        let fieldLabel: String
        let fieldKey: String
        let rule: String
        let severity: String
        let severityLabel: String
        let message: String
        let expected: String
    }

    /// The 审核报告 as CSV, each cell through ``CSVCell``.
    static func csv(_ rows: [FindingRow]) -> [UInt8] {
        var out = CSVCell.byteOrderMark
        CSVCell.appendLine(["级别", "文件", "行或单元格", "字段", "规则", "问题", "应为"], to: &out)
        for r in rows {
            CSVCell.appendLine([r.severityLabel, r.file, r.place, r.field, r.rule, r.message, r.expected], to: &out)
        }
        return out
    }
}
