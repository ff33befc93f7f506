import Foundation
import FundWatchCore
import FundWatchDraw
import FundWatchInput
import FundWatchReports

/// The files a draw reads besides the returns.
public struct DrawFiles: Sendable {
    /// Files on disk, or uploaded bytes.
    public var inspectors: SubmissionInput
    public var risk: SubmissionInput?
    public var items: SubmissionInput?
    /// Folders of earlier plans (their `draw-plan.xml`), for excluding recent targets.
    public var previous: [String]
    /// Earlier plans already read (the portal's stored draws).
    public var previousDraws: [PreviousDraw] = []

    public init(inspectors: String, risk: String? = nil, items: String? = nil, previous: [String] = []) {
        self.init(inspectors: .path(inspectors), risk: risk.map(SubmissionInput.path), items: items.map(SubmissionInput.path), previous: previous)
    }

    public init(
        inspectors: SubmissionInput, risk: SubmissionInput?, items: SubmissionInput?, previous: [String] = [], previousDraws: [PreviousDraw] = []
    ) {
        self.inspectors = inspectors
        self.risk = risk
        self.items = items
        self.previous = previous
        self.previousDraws = previousDraws
    }
}

extension Pipeline {
    /// The draw's inputs: each county's designated institutions in its latest return for
    /// the period (or before), and the lists; any error in a list stops the job.
    public func drawInputs(_ source: DataSource, period: YearMonth, files: DrawFiles) async throws(PipelineError) -> DrawInputs {
        let selection = try await versions(source).select(for: period) { s in
            (s.header.countyName, s.institutions.filter { $0.agreementStatus.isDesignated })
        }
        var base: [DrawTarget] = []
        for choice in selection.choices {
            guard let chosen = choice.chosen else { continue }
            for i in chosen.payload.1 {
                base.append(
                    DrawTarget(
                        countyCode: choice.countyCode, countyName: chosen.payload.0, code: i.code, name: i.name, category: i.category, riskClass: nil)
                )
            }
        }
        let counties = Set(base.map(\.countyCode))
        var findings: [Finding] = []
        let inspectors = DrawLists.inspectors(files.inspectors, counties: counties, findings: &findings)
        var classes: [String: RiskClass] = [:]
        if let risk = files.risk { classes = DrawLists.riskClasses(risk, codes: Set(base.map(\.code)), findings: &findings) }
        let items = files.items.map { DrawLists.items($0, findings: &findings) } ?? []
        var previous = files.previousDraws
        for folder in files.previous {
            do { previous.append(try DrawPlanFile.previous(folder)) } catch { findings.append(error.finding) }
        }
        if !findings.isEmpty { throw .invalidList(findings) }
        let targets = base.map { t -> DrawTarget in
            var t = t
            t.riskClass = classes[t.code]
            return t
        }
        return DrawInputs(targets: targets, inspectors: inspectors, items: items, previous: previous)
    }

    /// Makes the draw and writes its documents into `sink`.
    public func draw(
        _ source: DataSource, parameters: DrawParameters, files: DrawFiles, into sink: any OutputSink
    ) async throws(PipelineError) -> [String] {
        let plan = try await makeDraw(source, parameters: parameters, files: files)
        return try await write(into: sink) { writer in
            try DrawWriter(templates: writer.templates, issuer: settings.bulletin.issuer).write(plan, into: sink)
        }
    }

    /// Makes the draw without writing it.
    public func makeDraw(_ source: DataSource, parameters: DrawParameters, files: DrawFiles) async throws(PipelineError) -> DrawPlan {
        let inputs = try await drawInputs(source, period: parameters.period, files: files)
        do { return try Draw.make(inputs, parameters) } catch { throw .badRequest("无法抽取 / the draw cannot be made: \(error.description)") }
    }

    /// What `draw --verify` says: nil when the plan in `folder` is exactly what the draw
    /// gives from these inputs, or else the first difference.
    public func verifyDraw(_ source: DataSource, folder: String, files: DrawFiles) async throws(PipelineError) -> String? {
        let recorded: DrawPlanFile
        do { recorded = try DrawPlanFile(folder: folder) } catch { throw .invalidList([error.finding]) }
        let inputs = try await drawInputs(source, period: recorded.parameters.period, files: files)
        let digests = DrawDigests(inputs, recorded.parameters)
        for ((name, value), (_, published)) in zip(digests.all, recorded.digests) where value != published {
            return "the \(name) digest differs: the plan publishes \(published), these inputs give \(value)"
        }
        let plan: DrawPlan
        do { plan = try Draw.make(inputs, recorded.parameters) } catch { return "the draw cannot be made again: \(error.description)" }
        let sink = MemorySink()
        let names = try await write(into: sink) { writer in
            try DrawWriter(templates: writer.templates, issuer: settings.bulletin.issuer).write(plan, into: sink)
        }
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { return "\(name) is missing from \(folder)" }
            let expected = sink.bytes(of: name) ?? []
            if Array(data) != expected { return Self.firstDifference(name, Array(data), expected) }
        }
        return nil
    }

    /// The draw's results as of the end of `month`: each drawn target matched with the
    /// counties' latest returns; written into `sink`.
    public func drawResults(
        _ source: DataSource, planFolder: String, to month: YearMonth, into sink: any OutputSink
    ) async throws(PipelineError) -> [String] {
        let recorded: DrawPlanFile
        do { recorded = try DrawPlanFile(folder: planFolder) } catch { throw .invalidList([error.finding]) }
        return try await write(try await drawResults(source, plan: recorded.plan, to: month), into: sink)
    }

    /// Writes the results' documents (`draw-results.html`, `.csv`, `.xlsx`) into `sink`.
    public func write(_ results: DrawResults, into sink: any OutputSink) async throws(PipelineError) -> [String] {
        try await write(into: sink) { writer in
            try DrawWriter(templates: writer.templates, issuer: settings.bulletin.issuer).write(results, into: sink)
        }
    }

    /// The documents of a plan (``DrawWriter/planFiles``; with `only`, just those), in memory.
    public func drawDocuments(_ plan: DrawPlan, only: Set<String>? = nil) async throws(PipelineError) -> MemorySink {
        let sink = MemorySink()
        _ = try await write(into: sink) { writer in
            try DrawWriter(templates: writer.templates, issuer: settings.bulletin.issuer).write(plan, into: sink, only: only)
        }
        return sink
    }

    /// The results of `plan` as of the end of `month`; with `county`, only that county's
    /// returns are read (a county's own page).
    public func drawResults(
        _ source: DataSource, plan: DrawPlan, to month: YearMonth, county: String? = nil
    ) async throws(PipelineError) -> DrawResults {
        var set = try await versions(source)
        if let county { set = set.only(county: county) }
        let selection = try await set.select(for: month) { DrawRegisters($0) }
        return DrawResults.match(plan, registers: selection.choices.compactMap { $0.chosen?.payload }, asOf: month.lastDay)
    }

    static func firstDifference(_ name: String, _ found: [UInt8], _ expected: [UInt8]) -> String {
        let a = String(decoding: found, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) where i >= a.count || i >= b.count || a[i] != b[i] {
            let got = i < a.count ? String(a[i].prefix(160)) : "(end of file)", want = i < b.count ? String(b[i].prefix(160)) : "(end of file)"
            return "\(name) line \(i + 1) differs: the file has «\(got)», the draw gives «\(want)»"
        }
        return "\(name) differs from what the draw gives"
    }
}
