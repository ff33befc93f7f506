import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchPipeline
import FundWatchReports
import FundWatchSQLite
import FundWatchStore
import FundWatchTestSupport
import FundWatchZip
import Testing

/// The worked example, as bytes a portal would receive.
enum Upload {
    static var xmlPath: String { SharedFixtures.exampleXML }
    static var csvFolder: String { SharedFixtures.exampleCSV }

    static func xmlBytes() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: xmlPath))) }

    /// The example's XML with one edit.
    static func xml(replacing old: String, with new: String) throws -> [UInt8] {
        let text = String(decoding: try xmlBytes(), as: UTF8.self)
        #expect(text.contains(old), "the fixture holds \(old)")
        return Array(text.replacingOccurrences(of: old, with: new).utf8)
    }

    /// The example's CSV folder zipped in memory (through a scratch file: the writer writes files).
    static func zipBytes() throws -> [UInt8] {
        let path = Scratch.root + "/upload-\(UUID().uuidString).zip"
        let files = try ["submission.csv", "institutions.csv", "inspections.csv", "cases.csv"].map { name in
            ("990101-2026-03-csv/" + name, Array(try Data(contentsOf: URL(fileURLWithPath: csvFolder + "/" + name))))
        }
        try ZipWriter.write(files, to: path)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static let march = YearMonth(iso: "2026-03")!
    static let quarter = try! Window(from: YearMonth(iso: "2026-01"), to: march)
}

@Suite("The pipeline on uploads (bytes in memory) and its typed errors")
struct PipelineTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    @Test("an uploaded XML with an error gives typed findings naming the upload, the line and the rule")
    func uploadWithError() async throws {
        let bytes = try Upload.xml(replacing: "<county_code>990101</county_code>", with: "<county_code>99-101</county_code>")
        let report = try await pipeline.validate([.memory(name: "东湖区-3月.xml", bytes: bytes)])
        #expect(report.inputFindings.isEmpty)
        let outcome = try #require(report.outcomes.first)
        #expect(!outcome.isAccepted)
        let finding = try #require(outcome.findings.findings.first { $0.rule == "header.county_code.format" })
        #expect(finding.file == "东湖区-3月.xml")
        #expect(finding.line == 3)
        #expect(finding.severity == .error)
        #expect(finding.expected.contains("6"))
    }

    @Test("an uploaded zip of the CSV folder is read from memory: accepted, with the pinned digest")
    func uploadZip() async throws {
        let report = try await pipeline.validate([.memory(name: "upload.zip", bytes: try Upload.zipBytes())])
        let outcome = try #require(report.outcomes.first)
        #expect(outcome.source.displayName == "upload.zip!/990101-2026-03-csv")
        #expect(outcome.isAccepted, "\(outcome.findings.findings.map(\.formatted))")
        #expect(outcome.digest == "af632185b2827dceceb8f4891ad2193eb3a760e51629074e6904c4e3b93db2dc")
        #expect(outcome.payload?.countyCode == "990101")
    }

    @Test("an upload that is neither XML nor a zip is an input finding")
    func unknownUpload() async throws {
        let report = try await pipeline.validate([.memory(name: "returns.docx", bytes: Array("plain text".utf8))])
        #expect(report.outcomes.isEmpty)
        #expect(report.inputFindings.map(\.rule) == ["input.unknown_format"])
        #expect(report.inputFindings.first?.file == "returns.docx")
    }

    @Test("a truncated zip upload is refused at once with zip.invalid")
    func truncatedUpload() async throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: SharedFixtures.truncatedZip)))
        let report = try await pipeline.validate([.memory(name: "broken.zip", bytes: bytes)])
        let finding = try #require(report.outcomes.first?.findings.findings.first)
        #expect(finding.rule == "zip.invalid")
        #expect(finding.file == "broken.zip!/990101-2026-03/cases.csv")
    }

    @Test("the report from an upload is byte for byte the report from the file")
    func reportFromUpload() async throws {
        let fromUpload = MemorySink(), fromFile = MemorySink()
        let names = try await pipeline.report(
            .files([.memory(name: "x.xml", bytes: try Upload.xmlBytes())]), window: Upload.quarter, into: fromUpload)
        _ = try await pipeline.report(.paths([Upload.xmlPath]), window: Upload.quarter, into: fromFile)
        #expect(
            names == [
                "report.html", "report.xml", "table1.csv", "table2.csv", "table3.csv", "table4.csv", "table5.csv", "table6.csv", "table7.csv",
                "report.xlsx",
            ])
        #expect(fromUpload.files.count == 10)
        for name in names { #expect(fromUpload.bytes(of: name) == fromFile.bytes(of: name), "\(name)") }
    }

    @Test("a job on data with an error throws validationFailed carrying the findings; nothing reaches the sink")
    func validationFailed() async throws {
        let bytes = try Upload.xml(replacing: "<submitted_on>2026-04-03</submitted_on>", with: "<submitted_on>2026-02-30</submitted_on>")
        let sink = MemorySink()
        let error = await pipelineError {
            try await pipeline.report(.files([.memory(name: "bad.xml", bytes: bytes)]), window: Upload.quarter, into: sink)
        }
        guard case .validationFailed(let report) = error else {
            Issue.record("expected validationFailed, got \(String(describing: error))")
            return
        }
        #expect(report.hasErrors)
        let findings = report.outcomes.first?.findings.findings ?? []
        #expect(findings.contains { finding in finding.file == "bad.xml" && finding.line == 7 })
        #expect(sink.files.isEmpty)
    }

    @Test("two different versions with the same submitted_on are a version conflict naming both")
    func versionConflict() async throws {
        let other = try Upload.xml(replacing: "<prepared_by>", with: "<prepared_by>另"), original = try Upload.xmlBytes()
        let error = await pipelineError {
            try await pipeline.metrics(
                .files([.memory(name: "a.xml", bytes: original), .memory(name: "b.xml", bytes: other)]), window: Upload.quarter)
        }
        guard case .versionConflict(let conflict) = error else {
            Issue.record("expected versionConflict, got \(String(describing: error))")
            return
        }
        #expect(conflict.origins == ["a.xml", "b.xml"])
        #expect(conflict.countyCode == "990101")
    }

    @Test("a case that does not exist is not found; a case that needs no notice is a bad request")
    func noticeErrors() async throws {
        let source = DataSource.paths([Upload.xmlPath])
        let missing = await pipelineError { try await pipeline.notice(source, county: "990101", caseID: "1999-999", into: MemorySink()) }
        guard case .notFound(let what) = missing else {
            Issue.record("expected notFound, got \(String(describing: missing))")
            return
        }
        #expect(what.contains("1999-999"))
        let minor = await pipelineError { try await pipeline.notice(source, county: "990101", caseID: "2026-004", into: MemorySink()) }
        guard case .badRequest(let why) = minor else {
            Issue.record("expected badRequest, got \(String(describing: minor))")
            return
        }
        #expect(why.contains("not a major case"))
        let sink = MemorySink()
        #expect(
            try await pipeline.notice(source, county: "990101", caseID: "2026-002", into: sink) == [
                "notice-990101-2026-002.html", "notice-990101-2026-002.xml",
            ])
        let html = String(decoding: try #require(sink.bytes(of: "notice-990101-2026-002.html")), as: UTF8.self)
        #expect(html.contains("盗刷"))
        #expect(!html.contains("13800000000"), "never the reporter")
    }

    @Test("a template folder that does not exist is a bad template; a broken configuration a bad configuration")
    func badTemplateAndConfiguration() throws {
        #expect {
            _ = try Pipeline(templatesDirectory: "/nonexistent/templates")
        } throws: { error in
            guard case PipelineError.badTemplate(let text) = error else { return false }
            return text.contains("/nonexistent/templates")
        }
        let path = Scratch.root + "/bad-\(UUID().uuidString).conf"
        try "[notices]\nnotice_days = -3\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try Pipeline.settings(file: path)
        } throws: { error in
            guard case PipelineError.badConfiguration(let text) = error else { return false }
            return text.contains(":2")
        }
    }

    @Test("a store that cannot be read is storeUnavailable; a version not stored is notFound")
    func storeErrors() async throws {
        await #expect {
            _ = try await pipeline.metrics(.store(FailingStore(kind: .unavailable)), window: Upload.quarter)
        } throws: { error in
            guard case PipelineError.storeUnavailable(let text) = error else { return false }
            return text.contains("down for maintenance")
        }
        await #expect {
            _ = try await pipeline.metrics(.store(FailingStore(kind: .notFound, listsOneVersion: true)), window: Upload.quarter)
        } throws: { error in
            if case PipelineError.notFound = error { return true }
            return false
        }
    }

    @Test("import an upload into a store: new, then unchanged; the report from the store equals the report from the upload")
    func importUpload() async throws {
        let store = try SQLiteStore(path: Scratch.root + "/pipeline-\(UUID().uuidString).sqlite")
        let upload = SubmissionInput.memory(name: "upload.zip", bytes: try Upload.zipBytes())
        var events: [ImportEvent] = []
        let first = try await pipeline.importSubmissions([upload], into: store, importedAt: "2026-04-03T08:00:00Z") { events.append($0) }
        #expect(first.new == 1 && first.rejected == 0)
        guard case .stored(let stored) = events.first else {
            Issue.record("expected a stored event")
            return
        }
        #expect(stored.outcome == .new)
        #expect(stored.source == "upload.zip!/990101-2026-03-csv")
        #expect(stored.version?.origin == "upload.zip!/990101-2026-03-csv")
        #expect(try await pipeline.importSubmissions([upload], into: store).unchanged == 1)
        let rejected = try await pipeline.importSubmissions([.memory(name: "x.docx", bytes: [1, 2, 3])], into: store)
        #expect(rejected.rejected == 1)

        let fromStore = MemorySink(), fromUpload = MemorySink()
        _ = try await pipeline.report(.store(store), window: Upload.quarter, into: fromStore)
        _ = try await pipeline.report(.files([upload]), window: Upload.quarter, into: fromUpload)
        #expect(fromStore.bytes(of: "report.xml") == fromUpload.bytes(of: "report.xml"))
        #expect(fromStore.bytes(of: "table1.csv") == fromUpload.bytes(of: "table1.csv"))

        let history = try await pipeline.history(store)
        #expect(history.map(\.number) == [1])
        #expect(history.first?.isUsed == true)
        await store.close()
    }
}

/// The pipeline error `body` throws (nil, and an issue, when it throws none).
func pipelineError<T>(_ body: () async throws -> T, sourceLocation: Testing.SourceLocation = #_sourceLocation) async -> PipelineError? {
    do {
        _ = try await body()
        Issue.record("expected a PipelineError", sourceLocation: sourceLocation)
        return nil
    } catch let error as PipelineError {
        return error
    } catch {
        Issue.record("expected a PipelineError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A store that fails the way its `kind` says: listing, or loading a listed version.
struct FailingStore: SubmissionStore {
    var kind: StoreError.Kind
    var listsOneVersion = false

    func record(batch: [RecordRequest], importedAt: String, dryRun: Bool) async -> RecordBatchResult {
        RecordBatchResult(recorded: [], failure: StoreError(kind, "down for maintenance"))
    }

    func versions(county: String?, period: YearMonth?) async throws(StoreError) -> [StoredVersion] {
        guard listsOneVersion else { throw StoreError(kind, "down for maintenance") }
        return [
            StoredVersion(
                id: 7, countyCode: "990101", countyName: "示例区", period: Upload.march, submittedOn: Day(iso: "2026-04-03")!,
                digest: "d", importedAt: "2026-04-03T00:00:00Z", origin: "test", institutionCount: 0, inspectionCount: 0, caseCount: 0)
        ]
    }

    func load(_ id: Int64, caseTexts: Bool) async throws(StoreError) -> Submission {
        throw StoreError(kind, "no stored version \(id)")
    }

    func close() async {}
}
