import FundWatchCore
import FundWatchInput

/// Why the pipeline produced nothing, typed so a front door can answer each case its own
/// way (the CLI with an exit status, the portal with an HTTP status and a page).
public enum PipelineError: Error, Sendable {
    /// Some input or submission has an error: nothing was computed or written. The report
    /// holds every finding (file, line, rule, what was expected).
    case validationFailed(ValidationReport)
    /// Two different versions of one county and period carry the same `submitted_on`.
    case versionConflict(VersionConflict)
    /// The store cannot be reached, opened or read; or it holds rows FundWatch cannot read.
    case storeUnavailable(String)
    /// Another writer got there first (the store refused a write); retrying may succeed.
    case storeConflict(String)
    /// What was asked for does not exist: a county, a case, a stored version.
    case notFound(String)
    /// The request cannot be answered from this data: a case that needs no notice, no
    /// submission to take a default date from.
    case badRequest(String)
    /// The configuration file is unreadable or wrong (the message names its line).
    case badConfiguration(String)
    /// A template folder is missing, unreadable or holds a template that does not compile.
    case badTemplate(String)
    /// A rendered document does not validate against its schema (an edited template broke it).
    case invalidOutput([Finding])
    /// An output cannot be written.
    case cannotWrite(String)
    /// A list the job reads besides the returns (the draw's inspectors, risk classes or
    /// items) has errors; each finding names its file and line or cell.
    case invalidList([Finding])
}

extension PipelineError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .validationFailed(let report): "\(report.errorCount) error(s) in the submissions; nothing produced"
        case .versionConflict(let conflict): conflict.description
        case .storeUnavailable(let text), .storeConflict(let text), .notFound(let text), .badRequest(let text),
            .badConfiguration(let text), .badTemplate(let text), .cannotWrite(let text):
            text
        case .invalidList(let findings):
            "\(findings.count) error(s) in the lists; nothing produced:\n" + findings.map(\.formatted).joined(separator: "\n")
        case .invalidOutput(let findings):
            "the rendered XML does not validate against its schema; nothing was written:\n" + findings.map(\.formatted).joined(separator: "\n")
        }
    }
}
