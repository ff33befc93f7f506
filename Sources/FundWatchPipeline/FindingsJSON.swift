import FundWatchCore
import FundWatchInput
import FundWatchReports

/// The `fundwatch validate --json` document.
public enum FindingsJSON {
    public static func document(_ report: ValidationReport) -> JSONValue {
        let loaded = report.outcomes, pathFindings = report.inputFindings
        let errors = report.errorCount
        let warnings = report.warningCount
        return .object([
            ("valid", .bool(errors == 0)),
            ("errors", .int(errors)),
            ("warnings", .int(warnings)),
            ("paths", .array(pathFindings.map(finding))),
            ("submissions", .array(loaded.map(submission))),
        ])
    }

    static func submission(_ item: ReadOutcome<SubmissionHeader>) -> JSONValue {
        let header = item.payload
        return .object([
            ("source", .string(item.source.displayName)),
            ("accepted", .bool(item.isAccepted)),
            ("county_code", .optional(header?.countyCode)),
            ("period", .optional(header?.period.description)),
            ("submitted_on", .optional(header?.submittedOn.description)),
            ("errors", .int(item.findings.errorCount)),
            ("warnings", .int(item.findings.warningCount)),
            ("omitted", .int(item.findings.omitted)),
            ("findings", .array(item.findings.findings.map(finding))),
        ])
    }

    public static func finding(_ f: Finding) -> JSONValue {
        .object([
            ("file", .string(f.file)),
            ("line", .optional(f.line)),
            ("element", .optional(f.element)),
            ("column", .optional(f.column)),
            ("label", .optional(f.label)),
            ("cell", .optional(f.cell)),
            ("rule", .string(f.rule)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message)),
            ("message_en", .string(f.messageEN)),
            ("expected", .string(f.expected)),
        ])
    }
}
