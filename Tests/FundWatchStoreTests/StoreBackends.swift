import Foundation
import FundWatchCore
import FundWatchCrypto
import FundWatchInput
import FundWatchPostgres
import FundWatchStore
import FundWatchStores
import FundWatchTestSupport
import Testing

/// The stores the contract runs against. PostgreSQL needs `FUNDWATCH_TEST_POSTGRES_URL`
/// (`scripts/with-postgres.sh swift test` starts a throw-away cluster and sets it).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static var postgresURL: String? { TestPostgres.baseURL }

    /// The backends available here; PostgreSQL only when a server was provided.
    static var available: [Backend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A new, empty store (a fresh SQLite file, or a fresh PostgreSQL database).
    func makeStore() async throws -> OpenedStore {
        switch self {
        case .sqlite:
            return try await OpenedStore(url: Scratch.root + "/fundwatch-store-\(UUID().uuidString).sqlite")
        case .postgres:
            return try await OpenedStore(url: try TestPostgres.freshDatabase())
        }
    }

    /// A second connection to the same store, as a second process would have.
    func reopen(_ store: any SubmissionStore) async throws -> any SubmissionStore {
        try await OpenedStore(url: (store as! OpenedStore).url)
    }
}

/// A store opened from its URL as the command line opens it, closed (client and all) by `close()`.
final class OpenedStore: SubmissionStore, SQLDatabase {
    let url: String
    let connection: StoreConnection

    init(url: String) async throws {
        self.url = url
        connection = try await StoreConnection.open(url)
    }

    func record(batch: [RecordRequest], importedAt: String, dryRun: Bool) async -> RecordBatchResult {
        await connection.store.record(batch: batch, importedAt: importedAt, dryRun: dryRun)
    }

    func versions(county: String?, period: YearMonth?) async throws(StoreError) -> [StoredVersion] {
        try await connection.store.versions(county: county, period: period)
    }

    func load(_ id: Int64, caseTexts: Bool) async throws(StoreError) -> Submission {
        try await connection.store.load(id, caseTexts: caseTexts)
    }

    func profiles(_ ids: [Int64]) async throws(StoreError) -> [ReturnProfile] {
        try await connection.store.profiles(ids)
    }

    func caseAmounts(_ ids: [Int64]) async throws(StoreError) -> [Int64] {
        try await connection.store.caseAmounts(ids)
    }

    func versions(counties: [String]) async throws(StoreError) -> [StoredVersion] {
        try await connection.store.versions(counties: counties)
    }

    func close() async { await connection.close() }

    func query(_ sql: String, _ values: [StoreValue]) async throws(StoreError) -> [[StoreValue]] {
        try await connection.store.query(sql, values)
    }

    func write(_ sql: String, _ values: [StoreValue]) async throws(StoreError) -> [[StoreValue]] {
        try await connection.store.write(sql, values)
    }

    func transaction(_ statements: [SQLStatement]) async throws(StoreError) -> [[[StoreValue]]] {
        try await connection.store.transaction(statements)
    }

    func serialized(on key: String) -> SQLStatement? { connection.store.serialized(on: key) }
}

enum StoreFixture {

    /// The worked example, read and validated.
    static func example() throws -> Submission {
        let set = ReadBatch(paths: [SharedFixtures.exampleXML])
        return try #require(set.outcomes.first?.submission)
    }

    /// The worked example with the fixture's tip-off register (five tip-offs, three with a reporter).
    static func exampleWithTipoffs() throws -> Submission {
        let folder = Scratch.root + "/fundwatch-tipoffs-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: SharedFixtures.exampleCSV, toPath: folder)
        try FileManager.default.copyItem(atPath: SharedFixtures.exampleTipoffs + "/tipoffs.csv", toPath: folder + "/tipoffs.csv")
        let set = ReadBatch(paths: [folder])
        let submission = try #require(set.outcomes.first?.submission)
        #expect(submission.tipoffs.count == 5)
        return submission
    }

    /// A copy of the example for another county (institution codes follow the county).
    static func county(_ code: String, from base: Submission) -> Submission {
        var s = base
        s.header.countyCode = code
        s.header.countyName = "县\(code)"
        return s
    }

    static func record(_ store: any SubmissionStore, _ s: Submission, origin: String = "test", dryRun: Bool = false) async throws -> ImportOutcome {
        try await store.record(s, digest: s.contentDigest(), origin: origin, importedAt: "2026-11-23T00:00:00Z", dryRun: dryRun).0
    }
}
