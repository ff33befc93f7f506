import Foundation
import FundWatchCore
import FundWatchStore
import FundWatchTestSupport
import Testing

/// A stored version loads with its rows in the order of their row numbers, however the
/// store hands them out: PostgreSQL's load leaves the order to the server (no `ORDER BY`),
/// and the client puts the rows in order.
@Suite("Store load order", .serialized)
struct StoreLoadOrderTests {
    @Test("rows the server returns out of order (a row rewritten after the others) load in row order", arguments: Backend.available)
    func rewrittenRowsLoadInOrder(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let example = try StoreFixture.example()
        let result = await store.record(
            batch: [
                RecordRequest(
                    submission: example, rows: StoreSchema.RegisterRows(example),
                    digest: example.contentDigest(), origin: "a.xml")
            ],
            importedAt: "2026-11-23T00:00:00Z", dryRun: false)
        let id = try #require(result.recorded.first?.1?.id)
        // Rewriting the first row of each register puts its new version after the others in
        // PostgreSQL's heap, so a scan of the table returns it last.
        for table in ["institutions", "inspections", "cases"] {
            _ = try await store.write("UPDATE \(table) SET submission_id = submission_id WHERE submission_id = ? AND row_no = 0", [.integer(id)])
        }
        var reader = store
        if backend == .postgres {
            // A table scan, as the server may choose on a larger table: it returns the
            // rewritten rows last. (Read through the index, the rows would come in key order.)
            let name = try await store.query("SELECT current_database()", []).first?.first?.text ?? ""
            _ = try await store.write("ALTER DATABASE \"\(name)\" SET enable_indexscan = off", [])
            _ = try await store.write("ALTER DATABASE \"\(name)\" SET enable_bitmapscan = off", [])
            reader = try #require(try await backend.reopen(store) as? OpenedStore)
            // The test is only worth something if the server's own order is not the rows' order.
            let order = try await reader.query("SELECT row_no FROM institutions WHERE submission_id = ?", [.integer(id)])
            #expect(order.first == [.integer(1)] && order.last == [.integer(0)], "server order: \(order.map { "\($0)" }.joined(separator: " "))")
        }
        let loaded = try await reader.load(id, caseTexts: true)
        // What was imported, without the reporter (the store never gives it back).
        var expected = example
        for i in expected.cases.indices { expected.cases[i].reporter = Confidential("") }
        #expect(loaded == expected)
        #expect(loaded.institutions.map(\.code) == example.institutions.map(\.code))
        #expect(loaded.cases.map(\.caseID) == example.cases.map(\.caseID))
        if backend == .postgres { await reader.close() }
        await store.close()
    }
}
