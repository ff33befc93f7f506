import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchPlausibility
import FundWatchStore

/// What importing one submission (or one input that names none) gave.
public enum ImportEvent: Sendable {
    /// Refused: errors (or an input that names no submission); nothing was written.
    case rejected(source: String, findings: FindingCollector)
    /// Stored (or, in a dry run, what would be stored).
    case stored(ImportedSubmission)
}

/// One submission an import stored, with its warnings.
public struct ImportedSubmission: Sendable {
    public var outcome: ImportOutcome
    public var header: SubmissionHeader
    public var institutions: Int
    public var inspections: Int
    public var cases: Int
    public var digest: String
    public var source: String
    /// The version stored (nil when unchanged, or in a dry run).
    public var version: StoredVersion?
    /// Its findings: warnings only (an error rejects it).
    public var findings: FindingCollector
    /// For a new version that is not its month's current one (an older 报送日期 than a
    /// version already stored, as when loading history): the current version's 报送日期.
    public var currentSubmittedOn: Day?
}

/// How many submissions each outcome had.
public struct ImportTotals: Sendable, Equatable {
    public var new = 0, newVersion = 0, unchanged = 0, rejected = 0

    public init() {}

    mutating func count(_ event: ImportEvent) {
        switch event {
        case .rejected: rejected += 1
        case .stored(let s):
            switch s.outcome {
            case .new: new += 1
            case .newVersion: newVersion += 1
            case .unchanged: unchanged += 1
            }
        }
    }
}

extension Pipeline {
    /// Validates each submission `inputs` name and stores it whole or not at all (one with
    /// any error changes nothing; the same content twice is `unchanged`), handing each
    /// outcome to `each` in input order. Submissions are read in parallel batches; a batch is
    /// checked (plausibility) while the one before it is written and the next one read, so
    /// memory holds three batches, never the whole country; each
    /// batch is written in one transaction, each submission in a savepoint of its own. A
    /// store failure stops the import: what was stored before it stays stored.
    public func importSubmissions(
        _ inputs: [SubmissionInput], into store: any SubmissionStore, dryRun: Bool = false,
        importedAt: String = ISO8601DateFormatter().string(from: Date()),
        each: (ImportEvent) async -> Void = { _ in }
    ) async throws(PipelineError) -> ImportTotals {
        let discovery = SourceDiscovery(inputs, zipLimits: limits.zip)
        var totals = ImportTotals()
        for finding in discovery.findings {
            var findings = FindingCollector()
            findings.add(finding)
            let event = ImportEvent.rejected(source: finding.file, findings: findings)
            totals.count(event)
            await each(event)
        }
        do {
            let seal = reporterSeal
            // The city's case amounts for counties with few cases of their own: made once, when first needed.
            let city = CityAmounts(together: [], store: store)
            let checking = settings.plausibility.enabled
            typealias Item = ReadOutcome<(Submission, StoreSchema.RegisterRows, ReturnProfile?)>
            /// The profiles of a batch's valid returns, numbered from `first` in input order.
            func profiles(_ items: [Item], from first: Int) -> [SubmissionVersion<ReturnProfile>] {
                items.enumerated().compactMap { n, item in
                    item.version(sequence: first + n).flatMap { v in v.payload.2.map { v.replacingPayload(with: $0) } }
                }
            }
            /// Stores a checked batch: its valid submissions in one transaction; then the
            /// events in input order, rejected ones in their place.
            func write(_ batch: [Item], checked: Task<[(Int, [Finding])], any Error>) async throws {
                var items = batch
                for (index, findings) in try await checked.value {
                    for finding in findings { items[index].findings.add(finding) }
                }
                let requests = items.compactMap { item -> RecordRequest? in
                    guard let (submission, rows, _) = item.payload, let digest = item.digest else { return nil }
                    return RecordRequest(submission: submission, rows: rows, digest: digest, origin: item.source.displayName)
                }
                let result = await store.record(batch: requests, importedAt: importedAt, dryRun: dryRun)
                var stored = result.recorded.makeIterator()
                for item in items {
                    let event: ImportEvent
                    if let (submission, _, _) = item.payload, let digest = item.digest {
                        // Past the first failure: stop, after the events of what was stored.
                        guard let (outcome, version) = stored.next() else {
                            throw result.failure ?? StoreError.unavailable("the store stored part of a batch")
                        }
                        // A new version may be stored without being current (the core's one rule): say so.
                        var current: Day?
                        if outcome == .newVersion, let version {
                            let month = try await store.month(county: version.countyCode, period: version.period, digest: nil)
                            if let now = month.current, now.id != version.id { current = now.submittedOn }
                        }
                        event = .stored(
                            ImportedSubmission(
                                outcome: outcome, header: submission.header, institutions: submission.institutions.count,
                                inspections: submission.inspections.count, cases: submission.cases.count, digest: digest,
                                source: item.source.displayName, version: version, findings: item.findings, currentSubmittedOn: current))
                    } else {
                        event = .rejected(source: item.source.displayName, findings: item.findings)
                    }
                    totals.count(event)
                    await each(event)
                }
                if let failure = result.failure { throw failure }
            }
            // A batch is checked while the batch before it is stored (and the next one read):
            // plausibility (warnings) of each return against what the store holds, the batch
            // before it (which may still be going in) and its own batch's other returns.
            var pending: (batch: [Item], checked: Task<[(Int, [Finding])], any Error>)?
            var before: [SubmissionVersion<ReturnProfile>] = []
            try await reader.forEachBatch(
                discovery.sources,
                preparing: { submission in
                    let rows = StoreSchema.RegisterRows(submission, sealReporter: seal.seal)
                    return (submission, rows, checking ? ReturnProfile(submission, month: rows.monthFigures) : nil)
                }
            ) { batch in
                let together = before + profiles(batch, from: before.count)
                let checks = batch.indices.compactMap { index -> (Int, PlausibilityCase)? in
                    guard let (_, _, checked) = batch[index].payload, let profile = checked else { return nil }
                    return (index, PlausibilityCase(profile: profile, file: batch[index].source.displayName))
                }
                let checked = Task {
                    let findings = try await plausibility(of: checks.map(\.1), together: together, store: store, city: city)
                    return Array(zip(checks.map(\.0), findings))
                }
                if let (earlier, running) = pending {
                    do { try await write(earlier, checked: running) } catch {
                        checked.cancel()
                        throw error
                    }
                }
                pending = (batch, checked)
                before = profiles(batch, from: 0)
            }
            if let (last, running) = pending { try await write(last, checked: running) }
        } catch let error as StoreError {
            throw PipelineError(error)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .storeUnavailable("\(error)")
        }
        return totals
    }
}
