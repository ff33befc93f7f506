import FundWatchCore
import FundWatchStore

extension Pipeline {
    /// The version of one county a report for `month` uses (METRICS.md: the latest
    /// submitted for the month or, if none, the latest earlier one), read from `store`; nil
    /// when the county has sent nothing for it. Only that county's versions are looked at.
    public func chosenSubmission(_ store: any SubmissionStore, county: String, for month: YearMonth) async throws(PipelineError) -> Submission? {
        let versions: [SubmissionVersion<Int64>]
        do { versions = try await store.versions(county: county, period: nil).map(\.version) } catch { throw PipelineError(error) }
        let selection = try await VersionSet(backing: .store(store, versions)).select(for: month, summarising: { $0 })
        return selection.choices.first { $0.countyCode == county }?.chosen?.payload
    }
}
