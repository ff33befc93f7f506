import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchPostgres
import FundWatchStore
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
    func makeStore() async throws -> any SubmissionStore {
        switch self {
        case .sqlite:
            return try SQLiteStore(path: Scratch.root + "/fundwatch-store-\(UUID().uuidString).sqlite")
        case .postgres:
            return try await PostgresStore(url: try TestPostgres.freshDatabase())
        }
    }

    /// A second connection to the same store, as a second process would have.
    func reopen(_ store: any SubmissionStore) async throws -> any SubmissionStore {
        switch self {
        case .sqlite: return try SQLiteStore(path: (store as! SQLiteStore).path)
        case .postgres: return try await PostgresStore(url: (store as! PostgresStore).url)
        }
    }
}

enum StoreFixture {
    static var fixtures: String { Bundle.module.resourceURL!.appendingPathComponent("Fixtures").path }

    /// The worked example, read and validated.
    static func example() throws -> Submission {
        let set = SubmissionSet(paths: [fixtures + "/example/990101-2026-03.xml"])
        return try #require(set.loaded.first?.submission)
    }

    /// A copy of the example for another county (institution codes follow the county).
    static func county(_ code: String, from base: Submission) -> Submission {
        var s = base
        s.header.countyCode = code
        s.header.countyName = "县\(code)"
        return s
    }

    static func record(_ store: any SubmissionStore, _ s: Submission, origin: String = "test", dryRun: Bool = false) async throws -> ImportOutcome {
        try await store.record(s, digest: s.contentDigest, origin: origin, importedAt: "2026-11-23T00:00:00Z", dryRun: dryRun).0
    }
}
