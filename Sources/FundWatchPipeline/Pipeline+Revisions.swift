import FundWatchCore
import FundWatchReports

extension Pipeline {
    /// Every county's table 1 figures of each month of `to`'s year that a later return
    /// restated (``Revision``): each month's own current return against the latest return
    /// up to `to`. Counties in code order, then months, then metrics. Files are summarised as
    /// they are read (``monthFigures(_:)``), so memory never holds the registers.
    public func revisions(_ source: DataSource, to: YearMonth) async throws(PipelineError) -> [Revision] {
        switch source {
        case .files(let inputs): try Self.revisions(try await accepted(inputs, summarising: Self.monthFigures).versions, to: to)
        case .store, .approved: try await Self.revisions(try await versions(source), to: to)
        }
    }

    /// A return's table 1 figures for each month of its year up to its period (each month's
    /// window alone), in one pass over its registers.
    @Sendable static func monthFigures(_ submission: Submission) -> [YearMonth: Metrics] {
        let p = submission.header.period
        let months = (1...p.month).compactMap { YearMonth(year: p.year, month: $0) }
        let figures = Metrics.grouped(submission, windows: months.map { .month($0) }, by: { _ in true })
        return Dictionary(uniqueKeysWithValues: zip(months, figures.map { $0[true] ?? Metrics() }))
    }

    /// The revisions among returns read from files, summarised by ``monthFigures(_:)``.
    static func revisions(_ versions: [SubmissionVersion<[YearMonth: Metrics]>], to: YearMonth) throws(PipelineError) -> [Revision] {
        let versions = versions.filter { $0.period.year == to.year && $0.period <= to }
        var selections: [YearMonth: Selection<[YearMonth: Metrics]>] = [:]
        for period in Set(versions.map(\.period)) {
            do { selections[period] = try Selection(versions, for: period, tieRule: .refuseDifferentContents) } catch {
                throw .versionConflict(error)
            }
        }
        return revisions(selections)
    }

    /// The revisions among a store's versions. Only counties with returns for two months or
    /// more of the year can have any, so only theirs are loaded.
    static func revisions(_ set: VersionSet, to: YearMonth) async throws(PipelineError) -> [Revision] {
        let set = set.withSeveralMonths(upTo: to)
        var selections: [YearMonth: Selection<[YearMonth: Metrics]>] = [:]
        for period in set.periods(upTo: to) { selections[period] = try await set.select(for: period, summarising: monthFigures) }
        return revisions(selections)
    }

    /// The revisions of each period's selection: a county's return counts for the period it
    /// was chosen for only when it is that period's own (not an earlier one standing in).
    static func revisions(_ selections: [YearMonth: Selection<[YearMonth: Metrics]>]) -> [Revision] {
        var returns: [String: (name: String, months: [YearMonth: [YearMonth: Metrics]])] = [:]
        for period in selections.keys.sorted() {
            for choice in selections[period]!.choices where choice.status == .ok {
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
