import FundWatchCore

/// Every source named by some inputs, read and validated, each kept as a `Payload` (the
/// submission itself, or a summary of it made as soon as it was read).
public struct ReadBatch<Payload: Sendable>: Sendable {
    /// One outcome per submission found, in input order.
    public var outcomes: [ReadOutcome<Payload>]
    /// Inputs that name no submission (each an error).
    public var inputFindings: [Finding]

    public init(outcomes: [ReadOutcome<Payload>], inputFindings: [Finding]) {
        self.outcomes = outcomes
        self.inputFindings = inputFindings
    }

    /// Whether any input or submission has an error.
    public var hasErrors: Bool {
        !inputFindings.isEmpty || outcomes.contains { $0.findings.hasErrors }
    }

    /// Errors in all, inputs included.
    public var errorCount: Int { outcomes.reduce(inputFindings.count) { $0 + $1.findings.errorCount } }
    /// Warnings in all.
    public var warningCount: Int { outcomes.reduce(0) { $0 + $1.findings.warningCount } }

    /// Every accepted submission as a version to choose from, numbered in input order.
    public var versions: [SubmissionVersion<Payload>] {
        outcomes.enumerated().compactMap { index, outcome in outcome.version(sequence: index) }
    }

    /// The same batch keeping `transform(payload)` of each accepted submission.
    public func map<Other: Sendable>(_ transform: (Payload) -> Other) -> ReadBatch<Other> {
        ReadBatch<Other>(outcomes: outcomes.map { $0.map(transform) }, inputFindings: inputFindings)
    }
}

extension ReadBatch where Payload == Submission {
    /// Finds and reads the submissions under `paths`, keeping each whole.
    public init(paths: [String], reader: SubmissionReader = SubmissionReader()) {
        self = reader.read(paths.map(SubmissionInput.path), summarising: { $0 })
    }
}

extension ReadOutcome where Payload == Submission {
    /// The submission, when accepted.
    public var submission: Submission? { payload }
}
