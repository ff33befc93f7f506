import FundWatchCore

/// Every submission named by some `PATH` arguments, read and validated, each kept as a
/// `Payload`: the submission itself, or a summary of it made as soon as it was read.
public struct ReadSet<Payload: Sendable>: Sendable {
    /// One entry per submission found, in argument order.
    public var loaded: [Loaded<Payload>]
    /// Paths that name no submission.
    public var pathFindings: [Finding]

    /// Finds and reads the submissions under `paths`, keeping `summarise(submission)` of each.
    public init(paths: [String], reader: SubmissionReader = SubmissionReader(),
                summarising summarise: @Sendable (Submission) -> Payload) {
        let discovery = SourceDiscovery(paths: paths)
        self.pathFindings = discovery.findings
        self.loaded = reader.read(discovery.sources, summarising: summarise)
    }

    /// Whether any path or submission has an error.
    public var hasErrors: Bool {
        !pathFindings.isEmpty || loaded.contains { $0.findings.hasErrors }
    }

    /// Every accepted submission as a version to choose from, numbered in argument order.
    public var candidates: [SubmissionCandidate<Payload>] {
        loaded.enumerated().compactMap { index, item in
            guard let payload = item.payload, let header = item.header, let digest = item.digest else { return nil }
            return SubmissionCandidate(
                countyCode: header.countyCode, countyName: header.countyName, period: header.period,
                submittedOn: header.submittedOn, digest: digest,
                origin: item.source.displayName, sequence: index, payload: payload)
        }
    }
}

/// Submissions read whole.
public typealias SubmissionSet = ReadSet<Submission>

extension ReadSet where Payload == Submission {
    /// Finds and reads the submissions under `paths`, keeping each whole.
    public init(paths: [String], reader: SubmissionReader = SubmissionReader()) {
        self.init(paths: paths, reader: reader, summarising: { $0 })
    }
}
