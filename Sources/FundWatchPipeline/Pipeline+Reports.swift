import FundWatchCore
import FundWatchReports

extension Pipeline {
    /// Every county's metrics and the city's over `window`, as of `asOf` (default: the
    /// window's last day).
    public func metrics(_ source: DataSource, window: Window, asOf: Day? = nil) async throws(PipelineError) -> CityMetrics {
        let day = asOf ?? window.lastDay, tipoffSettings = settings.policy.tipoffs
        let selection = try await select(
            source, for: window.to,
            summarising: {
                (Metrics(submission: $0, window: window), TipoffFigures(tipoffs: $0.tipoffs, window: window, asOf: day, settings: tipoffSettings))
            })
        return CityMetrics(
            choices: selection.choices, window: window, asOf: day,
            metrics: selection.choices.map { $0.chosen?.payload.0 }, tipoffs: selection.choices.map { $0.chosen?.payload.1 })
    }

    /// A report's input over `window` as of `asOf` (default: the window's last day), each
    /// county summarised as it is read.
    public func reportInput(_ source: DataSource, window: Window, asOf: Day? = nil) async throws(PipelineError) -> ReportInput {
        let day = asOf ?? window.lastDay, policy = settings.policy
        switch source {
        case .files:
            let selection = try await select(source, for: window.to, summarising: ReportInput.summarise(window: window, asOf: day, policy: policy))
            return ReportInput(window: window, asOf: day, policy: policy, selection: selection)
        case .store, .approved:
            return try await versions(source).reportInput(window: window, asOf: day, policy: policy)
        }
    }

    /// The six report tables over `window` in `formats`, into `sink` (committed only when
    /// every file rendered and the XML validated); returns where the files went, in order.
    public func report(
        _ source: DataSource, window: Window, asOf: Day? = nil, formats: Set<ReportFormat> = Set(ReportFormat.allCases),
        into sink: any OutputSink
    ) async throws(PipelineError) -> [String] {
        // One read gives the report and the restatements of earlier months (the note under table 1).
        let day = asOf ?? window.lastDay, policy = settings.policy
        var builder: ReportBuilder
        switch source {
        case .files(let inputs):
            let summarise = ReportInput.summarise(window: window, asOf: day, policy: policy)
            let batch = try await accepted(inputs, summarising: { (summarise($0), Self.monthFigures($0)) })
            let selection: Selection<CountySummary>
            do {
                selection = try Selection(
                    batch.versions.map { $0.replacingPayload(with: $0.payload.0) }, for: window.to, tieRule: .refuseDifferentContents)
            } catch {
                throw .versionConflict(error)
            }
            builder = ReportBuilder(ReportInput(window: window, asOf: day, policy: policy, selection: selection))
            builder.restated = try Self.revisions(batch.versions.map { $0.replacingPayload(with: $0.payload.1) }, to: window.to)
        case .store, .approved:
            let versions = try await versions(source)
            builder = ReportBuilder(try await versions.reportInput(window: window, asOf: day, policy: policy))
            builder.restated = try await Self.revisions(versions, to: window.to)
        }
        let report = builder
        return try await write(into: sink) { writer in try writer.write(report.document(), formats: formats, into: sink) }
    }

    /// The county performance evaluation over `window`: `evaluation.html`, `.xml`, `.csv`, `.xlsx`.
    public func evaluation(_ source: DataSource, window: Window, asOf: Day? = nil, into sink: any OutputSink) async throws(PipelineError) -> [String]
    {
        let input = try await reportInput(source, window: window, asOf: asOf)
        let method = settings.evaluation
        return try await write(into: sink) { writer in
            try writer.write(ReportBuilder(input).scorecard(method), formats: Set(ReportFormat.allCases), baseName: "evaluation", into: sink)
        }
    }

    /// The year grid of return timeliness, January … `month`, judged as of `asOf` (default:
    /// the due day of `month`'s return): `timeliness.html`, `.xml`, `.csv`, `.xlsx`.
    public func timeliness(
        _ source: DataSource, month: YearMonth, asOf: Day? = nil, into sink: any OutputSink
    ) async throws(PipelineError) -> [String] {
        let input = try await reportInput(source, window: .yearToDate(month), asOf: asOf ?? settings.policy.returnDue(for: month))
        return try await write(into: sink) { writer in
            try writer.write(
                ReportBuilder(input).document(title: "报表报送及时性", tables: [.timelinessGrid]),
                formats: Set(ReportFormat.allCases), baseName: "timeliness", into: sink)
        }
    }

    /// The monthly publicity bulletin of `month` as of `asOf` (default: its last day), with
    /// the previous month and the same month last year for comparison.
    public func bulletin(_ source: DataSource, month: YearMonth, asOf: Day? = nil, into sink: any OutputSink) async throws(PipelineError) -> [String]
    {
        let day = asOf ?? month.lastDay, policy = settings.policy, bulletinSettings = settings.bulletin
        let versions = try await versions(source)
        let current = try await versions.reportInput(window: try window(to: month), asOf: day, policy: policy)
        let previous = try await versions.reportInput(window: try window(to: month.previous), asOf: day, policy: policy)
        guard let sameMonth = YearMonth(year: month.year - 1, month: month.month) else { throw .badRequest("no month a year before \(month)") }
        let lastYear = try await versions.reportInput(window: try window(to: sameMonth), asOf: day, policy: policy)
        let bulletin = BulletinBuilder(current: current, previous: previous, lastYear: lastYear, settings: bulletinSettings)
        return try await write(into: sink) { writer in try writer.write(bulletin, into: sink) }
    }

    /// The window of one month.
    func window(to month: YearMonth) throws(PipelineError) -> Window {
        do { return try Window(to: month) } catch { throw .badRequest(error.description) }
    }

    /// Renders off the cooperative pool into `sink`, commits it, and returns the files'
    /// locations; on any failure the sink is discarded and nothing is written.
    func write(into sink: any OutputSink, _ render: @escaping @Sendable (ReportWriter) throws -> [String]) async throws(PipelineError) -> [String] {
        let writer = self.writer
        let result: Result<[String], PipelineError> = await offloaded {
            do {
                let names = try render(writer)
                try sink.commit()
                return .success(names.map(sink.location(of:)))
            } catch {
                sink.discard()
                return .failure(PipelineError(rendering: error))
            }
        }
        return try result.get()
    }
}

extension PipelineError {
    /// The pipeline's answer to a rendering or writing problem.
    init(rendering error: any Error) {
        switch error {
        case let invalid as ReportWriter.InvalidOutput: self = .invalidOutput(invalid.findings)
        case let problem as TemplateSet.Problem: self = .badTemplate(problem.description)
        case let cannot as CannotWrite: self = .cannotWrite(cannot.description)
        default: self = .cannotWrite("\(error)")
        }
    }
}
