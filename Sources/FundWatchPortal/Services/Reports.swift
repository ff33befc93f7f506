import FundWatchCore
import FundWatchPipeline
import FundWatchReports
import FundWatchReturns
import FundWatchZip
import Hummingbird

/// The city's documents from the store, exactly as the command line makes them for the
/// same store, dates and `--as-of`: the report tables (`report`), the notice register
/// (`notices`), the tip-off register (`tipoffs`), one case's notice (`notice`), timeliness, evaluation, the bulletin and the
/// revisions of earlier months' figures (`revisions`).
struct Reports: Sendable {
    let core: PortalCore

    /// One file to download.
    struct Rendered: Sendable {
        var name: String
        var type: String
        var bytes: [UInt8]
    }

    /// The documents there are, as the reports page and the routes name them.
    enum Kind: String, Sendable, CaseIterable {
        case report, notices, tipoffs, timeliness, evaluation, bulletin, revisions

        /// The formats each offers (the first is the default); `csv` of the report is a zip.
        var formats: [String] {
            switch self {
            case .report, .evaluation, .timeliness: ["html", "xml", "csv", "xlsx"]
            case .notices, .tipoffs: ["html", "xml", "csv", "json"]
            case .bulletin: ["html", "txt"]
            case .revisions: ["html", "csv", "json"]
            }
        }
    }

    /// A download's query: `from`, `to`, `month`, `as_of`, `format`, `approved_only`.
    ///
    /// A page's form sends its empty fields (an optional `from` left blank) as empty values,
    /// which count as not given. The API (`strict`) follows `openapi.yaml`: a parameter that
    /// is there must be valid, so `format=` or `from=` is a 400 like any other bad value.
    struct Query: Sendable {
        var values: [String: String]
        /// Whether an empty value is a value (the API) rather than a blank field (a form).
        var strict = false

        init(_ parameters: some Sequence<(key: Substring, value: Substring)>, strict: Bool = false) {
            values = Dictionary(parameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { first, _ in first })
            self.strict = strict
        }

        init(_ values: [String: String]) { self.values = values }

        subscript(_ name: String) -> String? { values[name].flatMap { $0.isEmpty && !strict ? nil : $0 } }

        /// `approved_only`: 1 or true, 0 or false; not given is false. Anything else is refused
        /// rather than read as false, so a mistyped flag never quietly reports unapproved returns.
        func approvedOnly() throws -> Bool {
            guard let text = self["approved_only"] else { return false }
            switch text {
            case "1", "true": return true
            case "0", "false": return false
            default: throw HTTPError(.badRequest, message: "approved_only 应为 1、true、0 或 false (approved_only must be 1, true, 0 or false)")
            }
        }

        /// The month parameter `name`, or under an older spelling (`alias`: scripts may still send `month=`).
        /// One name per meaning, as on the command line: `period` for a single month, `from`/`to` for a window.
        func month(_ name: String, alias: String? = nil, required: Bool) throws -> YearMonth? {
            let text = self[name] ?? alias.flatMap { self[$0] }
            return required ? try DateParameter.requiredMonth(text, name: name) : try DateParameter.month(text, name: name, strict: strict)
        }

        func day(_ name: String) throws -> Day? {
            try DateParameter.day(self[name], name: name, strict: strict)
        }

        func format(of kind: Kind, default fallback: String? = nil) throws -> String {
            let format = self["format"] ?? fallback ?? kind.formats[0]
            guard kind.formats.contains(format) else {
                throw HTTPError(
                    .badRequest,
                    message: "format 应为 \(kind.formats.joined(separator: "、")) (format must be one of \(kind.formats.joined(separator: ", ")))")
            }
            return format
        }

        func window() throws -> Window {
            let to = try month("to", required: true)!, from = try month("from", required: false)
            do { return try Window(from: from, to: to) } catch {
                throw HTTPError(.badRequest, message: error.description)
            }
        }
    }

    /// The document `kind` for `query`; the format defaults to the kind's first, or `defaultFormat`.
    func render(_ kind: Kind, _ query: Query, defaultFormat: String? = nil) async throws -> Rendered {
        let format = try query.format(of: kind, default: defaultFormat)
        let source: DataSource = try query.approvedOnly() ? core.returns.source(approvedOnly: true) : core.returns.source()
        let asOf = try query.day("as_of")
        let pipeline = core.pipeline, sink = MemorySink()
        switch kind {
        case .report:
            let window = try query.window()
            _ = try await pipeline.report(source, window: window, asOf: asOf, formats: [ReportFormat(rawValue: format)!], into: sink)
            let base = "report-\(window.from)_\(window.to)"
            if format == "csv" { return Rendered(name: base + ".zip", type: "application/zip", bytes: try ZipWriter.archive(sink.files)) }
            return try Self.file(format, in: sink, named: base)
        case .evaluation:
            let window = try query.window()
            _ = try await pipeline.evaluation(source, window: window, asOf: asOf, into: sink)
            return try Self.file(format, in: sink, named: "evaluation-\(window.from)_\(window.to)")
        case .timeliness:
            let month = try query.month("to", alias: "month", required: true)!
            _ = try await pipeline.timeliness(source, month: month, asOf: asOf, into: sink)
            return try Self.file(format, in: sink, named: "timeliness-\(month)")
        case .bulletin:
            let month = try query.month("period", alias: "month", required: true)!
            _ = try await pipeline.bulletin(source, month: month, asOf: asOf, into: sink)
            return try Self.file(format, in: sink, named: "bulletin-\(month)")
        case .revisions:
            let month = try query.month("to", required: true)!
            let revisions = try await pipeline.revisions(source, to: month)
            let base = "revisions-\(month)"
            if format == "json" { return Self.json(RevisionsJSON.document(revisions, to: month), named: base) }
            _ = try await pipeline.write(revisions, to: month, format: ReportFormat(rawValue: format)!, into: sink)
            return try Self.file(format, in: sink, named: base)
        case .tipoffs:
            let register = try await pipeline.tipoffRegister(source, asOf: asOf)
            let base = "tipoffs-\(register.asOf)"
            if format == "json" { return Self.json(TipoffsJSON.document(register.tipoffs, asOf: register.asOf), named: base) }
            _ = try await pipeline.write(register, format: ReportFormat(rawValue: format)!, into: sink)
            return try Self.file(format, in: sink, named: base)
        case .notices:
            let register = try await pipeline.noticeRegister(source, asOf: asOf)
            let base = "notices-\(register.asOf)"
            if format == "json" { return Self.json(NoticesJSON.document(register.notices, asOf: register.asOf), named: base) }
            _ = try await pipeline.write(register, format: ReportFormat(rawValue: format)!, into: sink)
            return try Self.file(format, in: sink, named: base)
        }
    }

    /// A JSON document as the download `base.json`.
    static func json(_ document: JSONValue, named base: String) -> Rendered {
        Rendered(name: base + ".json", type: "application/json", bytes: Array(document.serialized().utf8))
    }

    /// The notice document (要情报告) of one case of `county`, `html` or `xml`.
    func notice(county: String, caseID: String, _ query: Query) async throws -> Rendered {
        let format = query["format"] ?? "html"
        guard ["html", "xml"].contains(format) else { throw HTTPError(.badRequest, message: "format 应为 html 或 xml (format must be html or xml)") }
        let sink = MemorySink()
        _ = try await core.pipeline.notice(core.returns.source(), county: county, caseID: caseID, asOf: try query.day("as_of"), into: sink)
        return try Self.file(format, in: sink, named: "notice-\(county)-\(caseID)")
    }

    /// The file of `sink` ending in `.format`, renamed `name.format` for the download.
    static func file(_ format: String, in sink: MemorySink, named name: String) throws -> Rendered {
        guard let file = sink.files.first(where: { $0.name.hasSuffix("." + format) }) else {
            throw HTTPError(.internalServerError, message: "no \(format) file was rendered")
        }
        return Rendered(name: "\(name).\(format)", type: types[format] ?? "application/octet-stream", bytes: file.bytes)
    }

    static let types = [
        "html": "text/html; charset=utf-8", "xml": "application/xml", "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "txt": "text/plain; charset=utf-8", "json": "application/json", "zip": "application/zip",
    ]
}
