import FundWatchCore
import FundWatchInput
import FundWatchPlausibility
import FundWatchReturnsStore
import FundWatchStore

extension Pipeline {
    /// Checks every rule of the format on the submissions `inputs` name, and reports every
    /// finding; never throws (a broken input is a finding).
    ///
    /// Each accepted return also gets its plausibility findings (核实性审核, warnings only)
    /// against the county's earlier months among the inputs and, with `store`, in the store.
    public func validate(_ inputs: [SubmissionInput], against store: (any SubmissionStore)? = nil) async throws(PipelineError) -> ValidationReport {
        let reader = self.reader
        var batch = await offloaded { reader.read(inputs, summarising: { ReturnProfile($0) }) }
        let together = batch.versions
        let city = CityAmounts(together: together, store: store)
        let checks = batch.outcomes.indices.compactMap { index -> (Int, PlausibilityCase)? in
            batch.outcomes[index].payload.map { (index, PlausibilityCase(profile: $0, file: batch.outcomes[index].source.displayName)) }
        }
        let findings = try await plausibility(of: checks.map(\.1), together: together, store: store, city: city)
        for ((index, _), found) in zip(checks, findings) {
            for finding in found { batch.outcomes[index].findings.add(finding) }
        }
        return batch.report
    }

    /// Reads `inputs` keeping `summarise(submission)` of each; any error anywhere stops the
    /// job (``PipelineError/validationFailed(_:)``), warnings go to the observer.
    func accepted<Payload: Sendable>(
        _ inputs: [SubmissionInput],
        summarising summarise: @escaping @Sendable (Submission) -> Payload
    ) async throws(PipelineError) -> ReadBatch<Payload> {
        let reader = self.reader
        let batch = await offloaded { reader.read(inputs, summarising: summarise) }
        if batch.hasErrors { throw .validationFailed(batch.report) }
        if let note = batch.warningNote { warningsObserver?(note) }
        return batch
    }

    /// The versions `source` offers: files read whole and validated (any error stops), or
    /// the versions a store lists.
    public func versions(_ source: DataSource) async throws(PipelineError) -> VersionSet {
        switch source {
        case .files(let inputs):
            return VersionSet(backing: .files(try await accepted(inputs, summarising: { $0 }).versions))
        case .store(let store):
            do {
                return VersionSet(
                    backing: .store(store, try await store.allVersions()),
                    reviews: try await ReviewBook.of(store, approvedOnly: false))
            } catch {
                throw PipelineError(error)
            }
        case .approved(let store):
            do {
                let reviews = try await ReviewBook.of(store, approvedOnly: true)
                let approved = Set((reviews?.statuses.values.flatMap(\.events) ?? []).filter { $0.state == .approved }.compactMap(\.submissionID))
                return VersionSet(
                    backing: .store(store, try await store.allVersions().filter { approved.contains($0.payload) }),
                    reviews: reviews)
            } catch {
                throw PipelineError(error)
            }
        }
    }

    /// Each county's version for `month` (METRICS.md), keeping `summarise(submission)` of each
    /// chosen one. Files are summarised as they are read, so memory holds one submission per
    /// core, never all of them; a store's chosen versions likewise.
    public func select<Summary: Sendable>(
        _ source: DataSource, for month: YearMonth,
        summarising summarise: @escaping @Sendable (Submission) -> Summary
    ) async throws(PipelineError) -> Selection<Summary> {
        switch source {
        case .files(let inputs):
            let batch = try await accepted(inputs, summarising: summarise)
            do { return try Selection(batch.versions, for: month, tieRule: .refuseDifferentContents) } catch { throw .versionConflict(error) }
        case .store, .approved:
            return try await versions(source).select(for: month, summarising: summarise)
        }
    }
}
