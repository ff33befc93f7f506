import Foundation
import FundWatchCore
import FundWatchCrypto
import FundWatchInput
import FundWatchPipeline
import FundWatchReturnsStore
import FundWatchSQLite
import FundWatchStore
import FundWatchTestSupport
import Testing

/// A store made before reporters were kept out of digests: its digests hashed the plain
/// reporter. Aligning recomputes them from the stored rows, in the upload records and the
/// audit log too, and a file sent again is still `unchanged`.
@Suite("Stored digests follow the reporter settings")
struct DigestAlignmentTests {
    /// A store holding the example as an older FundWatch stored it: the plain reporter in the
    /// digest, an upload record and an audit line naming that digest, no digest scheme recorded.
    static func legacyStore(seal: ReporterSeal) async throws -> (SQLiteStore, Submission, String) {
        let store = try SQLiteStore(path: Scratch.root + "/legacy-\(UUID().uuidString).sqlite")
        let example = try #require(ReadBatch(paths: [Upload.xmlPath]).outcomes.first?.submission)
        #expect(example.cases.contains { !$0.reporter.isEmpty })
        let legacy = example.contentDigest(reporterToken: { $0.revealedForStorage })
        let (_, version) = try await store.record(
            example, rows: StoreSchema.RegisterRows(example, sealReporter: seal.seal), digest: legacy,
            origin: "a.xml", importedAt: "2026-11-01T00:00:00Z", dryRun: false)
        try await store.returns.recordUpload(
            UploadRecord(
                at: 1, actor: "clerk", countyCode: "990101", period: Upload.march, fileName: "a.xml",
                outcome: "new", digest: legacy, submissionID: version?.id, onBehalf: false, note: "",
                findingsJSON: "[]"))
        try await store.returns.audit(
            AuditEntry(
                at: 1, actor: "clerk", action: "upload", outcome: "new",
                detail: "a.xml 990101 2026-03 sha256:\(legacy)", address: "t"))
        return (store, example, legacy)
    }

    @Test(
        "without a key: digests become presence-only everywhere; a second run changes nothing; the file re-sent is unchanged",
        arguments: [false, true])
    func align(withKey: Bool) async throws {
        var settings = Settings()
        if withKey {
            let keyFile = Scratch.root + "/reporter-\(UUID().uuidString).key"
            try String(repeating: "5a", count: 32).write(toFile: keyFile, atomically: true, encoding: .utf8)
            settings.store.reporterKeyFile = keyFile
        }
        let pipeline = try Pipeline(settings: settings)
        let (store, example, legacy) = try await Self.legacyStore(seal: pipeline.reporterSeal)
        let expected = example.contentDigest(seal: pipeline.reporterSeal)
        #expect(expected != legacy)
        #expect(try await pipeline.alignDigests(of: store) == 1)
        #expect(try await store.versions(county: nil, period: nil).map(\.digest) == [expected])
        #expect(try await store.returns.uploads(county: "990101").map(\.digest) == [expected])
        let audit = try await store.returns.auditEntries(since: 0)
        #expect(audit.map(\.detail) == ["a.xml 990101 2026-03 sha256:\(expected)"])
        #expect(!audit.contains { $0.detail.contains(legacy) })
        #expect(try await pipeline.alignDigests(of: store) == 0)
        let again = try await pipeline.importSubmissions([.path(Upload.xmlPath)], into: store)
        #expect(again.unchanged == 1 && again.newVersion == 0)
        // Another key is another scheme: the digests follow it.
        if withKey {
            let keyFile = Scratch.root + "/reporter-other-\(UUID().uuidString).key"
            try String(repeating: "6b", count: 32).write(toFile: keyFile, atomically: true, encoding: .utf8)
            var other = settings
            other.store.reporterKeyFile = keyFile
            let otherPipeline = try Pipeline(settings: other)
            #expect(try await otherPipeline.alignDigests(of: store) == 1)
            #expect(try await store.versions(county: nil, period: nil).first?.digest != expected)
        }
    }
}
