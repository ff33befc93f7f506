import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchPipeline
import FundWatchSQLite
import FundWatchSampleData
import FundWatchTestSupport
import Testing

/// The plausibility checks through the pipeline: the same findings whether a county's
/// earlier months are files read together or returns in a store.
@Suite("Plausibility through the pipeline")
struct PlausibilityPipelineTests {
    /// A generated year written as XML files (one per return), October's first new case of
    /// 南河县 typed in fen; returns the folder, October's paths and the earlier months' paths.
    static func year() throws -> (october: [String], earlier: [String], typo: String) {
        let folder = Scratch.root + "/plausibility-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var october: [String] = [], earlier: [String] = [], typo = ""
        var seen: [String: Set<String>] = [:]
        for (n, r) in SampleCity.standard(seed: 4711).returns().enumerated() {
            var submission = r.submission
            let h = submission.header
            if h.countyCode == "990203" && h.period == YearMonth(year: 2026, month: 10)!,
                let i = submission.cases.firstIndex(where: { !(seen[h.countyCode]?.contains($0.caseID) ?? false) && $0.amountInvolved.fen > 0 })
            {
                submission.cases[i].amountInvolved = Money(fen: submission.cases[i].amountInvolved.fen * 100)
                typo = submission.cases[i].caseID
            }
            seen[h.countyCode, default: []].formUnion(submission.cases.map(\.caseID))
            let path = folder + "/\(n)-\(h.countyCode)-\(h.period)-v\(r.version).xml"
            try SubmissionXMLWriter().write(submission, to: path)
            if h.period == YearMonth(year: 2026, month: 10)! { october.append(path) } else { earlier.append(path) }
        }
        return (october, earlier, typo)
    }

    /// The plausibility findings of a report, by file name: rule, key and message.
    static func plausibility(_ report: ValidationReport, files: [String]) -> [String] {
        report.outcomes.filter { files.contains($0.source.displayName) }.flatMap { outcome in
            outcome.findings.findings.filter { $0.rule.hasPrefix("plausibility.") }.map {
                "\(($0.file as NSString).lastPathComponent) \($0.rule) \($0.key ?? "") \($0.message)"
            }
        }.sorted()
    }

    @Test(
        "October's returns give the same plausibility findings read with the year's files as against a store holding the year; the fen typo is among them"
    )
    func filesAndStore() async throws {
        let (october, earlier, typo) = try Self.year()
        let pipeline = try Pipeline()
        let fromFiles = Self.plausibility(try await pipeline.validate((earlier + october).map(SubmissionInput.path)), files: october)
        let store = try SQLiteStore(path: Scratch.root + "/plausibility-\(UUID().uuidString).sqlite")
        let totals = try await pipeline.importSubmissions(earlier.map(SubmissionInput.path), into: store)
        #expect(totals.rejected == 0 && totals.new > 50)
        let fromStore = Self.plausibility(try await pipeline.validate(october.map(SubmissionInput.path), against: store), files: october)
        // Importing October into that store reports the same warnings with each return.
        var imported: [String] = []
        _ = try await pipeline.importSubmissions(october.map(SubmissionInput.path), into: store) { event in
            guard case .stored(let s) = event else { return }
            imported += s.findings.findings.filter { $0.rule.hasPrefix("plausibility.") }.map {
                "\(($0.file as NSString).lastPathComponent) \($0.rule) \($0.key ?? "") \($0.message)"
            }
        }
        await store.close()
        #expect(fromFiles == fromStore)
        #expect(imported.sorted() == fromStore)
        #expect(fromFiles.contains { $0.contains("plausibility.amount.outlier \(typo) ") }, "\(fromFiles)")
        // Alone, October has no earlier months: no finding against history at all.
        let alone = Self.plausibility(try await pipeline.validate(october.map(SubmissionInput.path)), files: october)
        #expect(alone.filter { !$0.contains("plausibility.amount.outlier") }.isEmpty, "\(alone)")
    }

    @Test("validate --json gives each plausibility finding its rule, severity warning and key; the returns stay valid")
    func json() async throws {
        let (october, earlier, typo) = try Self.year()
        let report = try await Pipeline().validate((earlier + october).map(SubmissionInput.path))
        #expect(!report.hasErrors)
        let document = ValidationDocument.document(report).serialized()
        let data = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any]
        let submissions = try #require(data?["submissions"] as? [[String: Any]])
        let findings = submissions.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
        let typoFinding = try #require(findings.first { ($0["rule"] as? String) == "plausibility.amount.outlier" && ($0["key"] as? String) == typo })
        #expect(typoFinding["severity"] as? String == "warning")
        #expect(findings.filter { ($0["rule"] as? String)?.hasPrefix("plausibility.") == false }.allSatisfy { $0["key"] is NSNull })
    }
}
