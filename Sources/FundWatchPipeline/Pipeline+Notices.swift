import FundWatchCore
import FundWatchReports

/// The major-case register as of one day: every major case, most urgent first.
public struct NoticeRegister: Sendable {
    public var asOf: Day
    public var notices: [MajorCaseNotice]
    let builder: ReportBuilder

    /// Whether any notice is overdue (the CLI exits 3 then).
    public var hasOverdue: Bool { notices.contains { $0.status == .overdue } }
}

extension Pipeline {
    /// The major-case register as of `asOf` (default: the last day of the latest month
    /// submitted), from each county's latest version for that month.
    public func noticeRegister(_ source: DataSource, asOf: Day? = nil) async throws(PipelineError) -> NoticeRegister {
        let versions = try await versions(source)
        let day = try day(asOf, default: versions)
        let input = try await versions.reportInput(window: try window(to: day.yearMonth), asOf: day, policy: settings.policy)
        let builder = ReportBuilder(input)
        return NoticeRegister(asOf: day, notices: Array(builder.notices), builder: builder)
    }

    /// The register as report table 5, in one format, into `sink`.
    public func write(_ register: NoticeRegister, format: ReportFormat, into sink: any OutputSink) async throws(PipelineError) -> [String] {
        let document = register.builder.document(title: "重大案件要情报告台账", tables: [.notices])
        return try await write(into: sink) { writer in try writer.write(document, formats: [format], into: sink) }
    }

    /// The notice document of one major case, `notice-COUNTY-CASE.html` and `.xml`, as of
    /// `asOf` (default: the last day of the latest month submitted).
    public func notice(
        _ source: DataSource, county: String, caseID: String, asOf: Day? = nil,
        into sink: any OutputSink
    ) async throws(PipelineError) -> [String] {
        let versions = try await versions(source)
        let day = try day(asOf, default: versions)
        let selection = try await versions.select(for: day.yearMonth, caseTexts: true, summarising: { $0 })
        let submissions = selection.choices.compactMap { $0.chosen?.payload }
        guard let document = NoticeDocument(countyCode: county, caseID: caseID, in: submissions, policy: settings.policy, asOf: day) else {
            let known = submissions.contains { $0.header.countyCode == county && $0.cases.contains { $0.caseID == caseID } }
            if known {
                throw .badRequest(
                    "case \(caseID) of county \(county) is not a major case (no transfer to the police or to discipline inspection, no public attention, "
                        + "amount below the threshold); it needs no notice")
            }
            throw .notFound("county \(county) has no case \(caseID) in the submissions given")
        }
        return try await write(into: sink) { writer in try writer.write(document, into: sink) }
    }

    /// `asOf`, or the last day of the latest month submitted.
    func day(_ asOf: Day?, default versions: VersionSet) throws(PipelineError) -> Day {
        if let asOf { return asOf }
        return try defaultDay(versions)
    }

    /// The last day of the latest month submitted.
    func defaultDay(_ versions: VersionSet) throws(PipelineError) -> Day {
        guard let period = versions.latestPeriod else { throw .badRequest("no submission to take a default --as-of from; give --as-of") }
        return period.lastDay
    }
}
