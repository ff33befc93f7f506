import FundWatchCore
import FundWatchInput

/// What validating some inputs found: per submission its findings and, when accepted, its
/// header; and the inputs that name no submission.
public typealias ValidationReport = ReadBatch<SubmissionHeader>

/// How many warnings the submissions a job read carry (they do not change the figures; the
/// CLI mentions them, `validate` lists them).
public struct WarningNote: Sendable, Equatable {
    public var warnings: Int
    public var submissions: Int

    public init(warnings: Int, submissions: Int) {
        self.warnings = warnings
        self.submissions = submissions
    }
}

extension ReadBatch {
    /// The batch's findings without its payloads.
    public var report: ValidationReport {
        ValidationReport(
            outcomes: outcomes.map { outcome in
                ReadOutcome(
                    source: outcome.source, payload: outcome.payload == nil ? nil : outcome.header, header: outcome.header,
                    findings: outcome.findings, digest: outcome.digest)
            }, inputFindings: inputFindings)
    }

    /// The warnings of the accepted submissions, when there are any.
    var warningNote: WarningNote? {
        let counts = outcomes.map(\.findings.warningCount).filter { $0 > 0 }
        return counts.isEmpty ? nil : WarningNote(warnings: counts.reduce(0, +), submissions: counts.count)
    }
}
