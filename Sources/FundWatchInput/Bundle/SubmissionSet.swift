import FundWatchCore

/// Every submission named by some `PATH` arguments, read and validated.
public struct SubmissionSet: Sendable {
    /// One entry per submission found, in argument order.
    public var loaded: [LoadedSubmission]
    /// Paths that name no submission.
    public var pathFindings: [Finding]

    /// Finds and reads the submissions under `paths`.
    public init(paths: [String], reader: SubmissionReader = SubmissionReader()) {
        let discovery = SourceDiscovery(paths: paths)
        self.pathFindings = discovery.findings
        self.loaded = reader.read(discovery.sources)
    }

    /// Whether any path or submission has an error.
    public var hasErrors: Bool {
        !pathFindings.isEmpty || loaded.contains { $0.findings.hasErrors }
    }

    /// Every accepted submission as a version to choose from, numbered in argument order.
    public var candidates: [SubmissionCandidate<Submission>] {
        loaded.enumerated().compactMap { index, item in
            guard let submission = item.submission else { return nil }
            let header = submission.header
            return SubmissionCandidate(
                countyCode: header.countyCode, countyName: header.countyName, period: header.period,
                submittedOn: header.submittedOn, digest: item.digest ?? submission.contentDigest,
                origin: item.source.displayName, sequence: index, payload: submission)
        }
    }
}
