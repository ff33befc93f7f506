import FundWatchCore
import FundWatchInput

/// The `fundwatch validate --json` document.
public enum FindingsJSON {
    public static func document(_ loaded: [LoadedSubmission], pathFindings: [Finding]) -> JSONValue {
        let errors = loaded.reduce(0) { $0 + $1.findings.errorCount } + pathFindings.count
        let warnings = loaded.reduce(0) { $0 + $1.findings.warningCount }
        return .object([
            ("valid", .bool(errors == 0)),
            ("errors", .int(errors)),
            ("warnings", .int(warnings)),
            ("paths", .array(pathFindings.map(finding))),
            ("submissions", .array(loaded.map(submission))),
        ])
    }

    static func submission(_ item: LoadedSubmission) -> JSONValue {
        let header = item.submission?.header
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
            ("rule", .string(f.rule)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message)),
            ("message_en", .string(f.messageEN)),
            ("expected", .string(f.expected)),
        ])
    }
}
