import FundWatchCore
import FundWatchInput
import FundWatchReports

/// The `fundwatch validate --json` document; each finding in ``FindingJSON``'s one encoding.
public enum ValidationDocument {
    public static func document(_ report: ValidationReport) -> JSONValue {
        .object([
            ("valid", .bool(report.errorCount == 0)),
            ("errors", .int(report.errorCount)),
            ("warnings", .int(report.warningCount)),
            ("paths", .array(report.inputFindings.map(FindingJSON.encode))),
            ("submissions", .array(report.outcomes.map(submission))),
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
            ("findings", .array(item.findings.findings.map(FindingJSON.encode))),
        ])
    }
}
