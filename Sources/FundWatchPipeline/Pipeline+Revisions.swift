import FundWatchCore
import FundWatchReports

extension Pipeline {
    /// Every county's table 1 figures of each month of `to`'s year that a later return
    /// restated (``Revision``): each month's own current return against the latest return
    /// up to `to`. Counties in code order, then months, then metrics.
    public func revisions(_ source: DataSource, to: YearMonth) async throws(PipelineError) -> [Revision] {
        let versions = try await versions(source)
        var returns: [String: (name: String, months: [YearMonth: [YearMonth: Metrics]])] = [:]
        for period in (1...to.month).compactMap({ YearMonth(year: to.year, month: $0) }) {
            let selection = try await versions.select(for: period) { submission in
                let p = submission.header.period
                return Dictionary(
                    uniqueKeysWithValues: (1...p.month).compactMap { YearMonth(year: p.year, month: $0) }.map {
                        ($0, Metrics(submission: submission, window: .month($0)))
                    })
            }
            for choice in selection.choices where choice.status == .ok {
                guard let chosen = choice.chosen else { continue }
                returns[choice.countyCode, default: (choice.countyName, [:])].months[period] = chosen.payload
                returns[choice.countyCode]!.name = choice.countyName
            }
        }
        return returns.keys.sorted().flatMap { code in
            Revision.find(countyCode: code, countyName: returns[code]!.name, returns: returns[code]!.months)
        }
    }

    /// The revisions as a document in one format (`html` or `csv`), into `sink`.
    public func write(_ revisions: [Revision], to: YearMonth, format: ReportFormat, into sink: any OutputSink) async throws(PipelineError) -> [String]
    {
        let document = RevisionsTable.document(revisions, to: to)
        return try await write(into: sink) { writer in try writer.write(document, formats: [format], baseName: "revisions", into: sink) }
    }
}
