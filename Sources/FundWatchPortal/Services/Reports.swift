import FundWatchCore
import FundWatchPipeline
import FundWatchReports
import FundWatchZip
import Hummingbird

/// The report tables from the store, as the command line makes them: `report.html`,
/// `report.xml`, or the six CSV tables in one zip.
struct Reports: Sendable {
    let core: PortalCore

    struct Rendered: Sendable {
        var name: String
        var type: String
        var bytes: [UInt8]
    }

    func render(from: String?, to: String?, asOf: String?, format: String, approvedOnly: Bool) async throws -> Rendered {
        guard let toText = to, let toMonth = YearMonth(iso: toText) else {
            throw HTTPError(.badRequest, message: "to 应为 YYYY-MM (to must be YYYY-MM)")
        }
        var fromMonth: YearMonth?
        if let from, !from.isEmpty {
            guard let month = YearMonth(iso: from) else { throw HTTPError(.badRequest, message: "from 应为 YYYY-MM (from must be YYYY-MM)") }
            fromMonth = month
        }
        var asOfDay: Day?
        if let asOf, !asOf.isEmpty {
            guard let day = Day(iso: asOf) else { throw HTTPError(.badRequest, message: "as_of 应为 YYYY-MM-DD (as_of must be YYYY-MM-DD)") }
            asOfDay = day
        }
        guard let reportFormat = ReportFormat(rawValue: format) else {
            throw HTTPError(.badRequest, message: "format 应为 html、xml 或 csv (format must be html, xml or csv)")
        }
        let window: Window
        do { window = try Window(from: fromMonth, to: toMonth) } catch { throw HTTPError(.badRequest, message: error.description) }
        let sink = MemorySink()
        let source: DataSource = approvedOnly ? .approved(core.store) : .store(core.store)
        _ = try await core.pipeline.report(source, window: window, asOf: asOfDay, formats: [reportFormat], into: sink)
        let suffix = "\(window.from)_\(window.to)"
        switch reportFormat {
        case .html: return Rendered(name: "report-\(suffix).html", type: "text/html; charset=utf-8", bytes: sink.files.first?.bytes ?? [])
        case .xml: return Rendered(name: "report-\(suffix).xml", type: "application/xml", bytes: sink.files.first?.bytes ?? [])
        case .csv: return Rendered(name: "report-\(suffix).zip", type: "application/zip", bytes: try ZipWriter.archive(sink.files))
        }
    }
}
