import Foundation
import FundWatchPostgres
import FundWatchSQLite
import FundWatchStore
import FundWatchStores
import FundWatchTestSupport
import PostgresNIO
import Testing

@Suite("Store URLs and typed store errors")
struct StoreURLTests {
    @Test("a PostgreSQL URL is parsed with URLComponents: an IPv6 host, escapes, the database")
    func postgresURL() throws {
        let config = try PostgresStore.configuration(url: "postgres://fw:p%40ss%3Aword@[::1]:54329/fund_watch")
        #expect(config.host == "::1")
        #expect(config.port == 54329)
        #expect(config.username == "fw")
        #expect(config.password == "p@ss:word")
        #expect(config.database == "fund_watch")
        let plain = try PostgresStore.configuration(url: "postgresql://localhost/db")
        #expect(plain.host == "localhost" && plain.port == 5432 && plain.username == "postgres" && plain.password == nil)
    }

    @Test("TLS: off on loopback unless asked, on elsewhere; sslmode chooses; an unknown mode is refused")
    func tls() throws {
        #expect(try PostgresStore.tlsMode(url: "postgres://u@127.0.0.1/db") == .disable)
        #expect(try PostgresStore.tlsMode(url: "postgres://u@[::1]/db") == .disable)
        #expect(try PostgresStore.tlsMode(url: "postgres://u@db.example.org/db") == .require)
        #expect(try PostgresStore.tlsMode(url: "postgres://u@127.0.0.1/db?sslmode=require") == .require)
        #expect(try PostgresStore.tlsMode(url: "postgres://u@db.example.org/db?sslmode=disable") == .disable)
        #expect(try PostgresStore.tlsMode(url: "postgres://u@db.example.org/db?sslmode=verify-full") == .verifyFull)
        _ = try PostgresStore.configuration(url: "postgres://u@db.example.org/db?sslmode=verify-full")
        let error = #expect(throws: StoreError.self) { try PostgresStore.configuration(url: "postgres://u@h/db?sslmode=always") }
        #expect(error?.kind == .unavailable)
        #expect(error?.description.contains("verify-full") == true)
    }

    @Test("messages never show the password")
    func redacted() {
        let shown = PostgresStore.redacted("postgres://fw:secret@[::1]:5432/db")
        #expect(!shown.contains("secret"))
        #expect(shown.contains("fw:") && shown.contains("[::1]"))
        #expect(PostgresStore.redacted("postgres://fw@host/db") == "postgres://fw@host/db")
    }

    @Test("not a URL of either store: an unavailable store, named")
    func notPostgres() {
        let error = #expect(throws: StoreError.self) { try PostgresStore.configuration(url: "mysql://u@h/db") }
        #expect(error?.kind == .unavailable)
    }

    @Test("a SQLite file that cannot be opened is unavailable; a version that is not stored is not found")
    func sqliteErrors() async throws {
        let folder = Scratch.root + "/no-such-folder-\(UUID().uuidString)/deeper"
        let opening = await #expect(throws: StoreError.self) { _ = try await StoreConnection.open(folder + "/store.sqlite") }
        #expect(opening?.kind == .unavailable)
        let store = try SQLiteStore(path: Scratch.root + "/fundwatch-store-\(UUID().uuidString).sqlite")
        let missing = await #expect(throws: StoreError.self) { _ = try await store.load(42) }
        #expect(missing?.kind == .notFound)
        await store.close()
    }

    @Test("a PostgreSQL server that does not answer is unavailable, and the message names it without the password")
    func postgresUnreachable() async throws {
        // Port 9 (discard) on loopback: nothing listens there in a test environment.
        let error = await #expect(throws: StoreError.self) {
            _ = try await StoreConnection.open("postgres://fw:topsecret@127.0.0.1:9/db")
        }
        #expect(error?.kind == .unavailable)
        #expect(error?.description.contains("topsecret") == false)
        #expect(error?.description.contains("127.0.0.1:9") == true)
    }

    @Test("a call waits for a PostgreSQL connection at most the deadline, then fails as unavailable (the portal answers 503)")
    func postgresDeadline() async throws {
        let client = PostgresClient(
            configuration: try PostgresStore.configuration(url: "postgres://fw:x@127.0.0.1:9/db"), backgroundLogger: StoreConnection.quietLogger)
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        let store = PostgresStore(unmigratedOn: client, logger: StoreConnection.quietLogger, deadline: .seconds(1))
        // The deadline's own error, not the connection's: the call did not wait for the pool
        // to give up (alone this takes 1 s; timers fire late while the suite runs side by side).
        let error = await #expect(throws: StoreError.self) { _ = try await store.versions(county: nil, period: nil) }
        #expect(
            error?.kind == .unavailable && error?.description.contains("no connection to PostgreSQL within 1 s") == true,
            "\(String(describing: error))")
    }

    @Test("PostgreSQL applies every version of the schema, in order, each once by name")
    func postgresMigrations() {
        #expect(PostgresStore.migrations.map(\.name) == (1...StoreSchema.version).map { "v\($0)" })
        #expect(PostgresStore.migrations.allSatisfy { !$0.statements.isEmpty })
    }
}
