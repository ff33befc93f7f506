import FundWatchCore

/// What reading one source gave (see `SubmissionVersion` for the names): what was kept of
/// the submission when it has no error (the submission itself, or a summary made from it),
/// its header, and every finding (errors and warnings).
public struct ReadOutcome<Payload: Sendable>: Sendable {
    public var source: SubmissionSource
    /// Nil when any error was found: a submission is accepted or rejected whole.
    public var payload: Payload?
    /// The header of an accepted submission.
    public var header: SubmissionHeader?
    public var findings: FindingCollector
    /// The submission's content digest (SHA-256), computed on the reading thread.
    public var digest: String?
    /// The explanations of plausibility warnings a workbook carried on its 核实说明 sheet.
    public var explanations: [Explanation] = []

    public init(source: SubmissionSource, payload: Payload?, header: SubmissionHeader?, findings: FindingCollector, digest: String?) {
        self.source = source
        self.payload = payload
        self.header = header
        self.findings = findings
        self.digest = digest
    }

    public var isAccepted: Bool { payload != nil }

    /// The same outcome keeping `transform(payload)` instead.
    public func map<Other: Sendable>(_ transform: (Payload) -> Other) -> ReadOutcome<Other> {
        var other = ReadOutcome<Other>(source: source, payload: payload.map(transform), header: header, findings: findings, digest: digest)
        other.explanations = explanations
        return other
    }

    /// This outcome as a version to choose from (nil when rejected), numbered `sequence`.
    public func version(sequence: Int) -> SubmissionVersion<Payload>? {
        guard let payload, let header, let digest else { return nil }
        return SubmissionVersion(
            countyCode: header.countyCode, countyName: header.countyName, period: header.period,
            submittedOn: header.submittedOn, digest: digest, origin: source.displayName,
            sequence: sequence, payload: payload)
    }
}
