import Foundation
import FundWatchCore
import FundWatchStore
import FundWatchTestSupport
import GRDB
import Testing

@testable import FundWatchSQLite

/// Migration v4 of the SQLite store rebuilds the register tables WITHOUT ROWID: a store
/// written by v3 keeps every row, its reference and its order.
@Suite("SQLite migration v4")
struct SQLiteMigrationTests {
    @Test("a v3 store with data: after v4 the registers are clustered, the same rows load, the reference is still enforced")
    func fromVersion3() async throws {
        let path = Scratch.root + "/fundwatch-v3-\(UUID().uuidString).sqlite"
        // A store as v3 left it: migrated up to v3, then a submission written as v3 wrote it.
        let example = try StoreFixture.example()
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteStore.migrator.migrate(queue, upTo: "v3")
            let rows = StoreSchema.RegisterRows(example)
            let added: Set<String> = ["subject_type", "physician_id", "points"]
            let v3CaseIndexes = StoreSchema.caseWriteColumns.indices.filter { !added.contains(StoreSchema.caseWriteColumns[$0]) }
            let v3CaseColumns = v3CaseIndexes.map { StoreSchema.caseWriteColumns[$0] }
            try await queue.write { db in
                let head = StoreSchema.submissionRow(example, digest: example.contentDigest(), origin: "v3.xml", importedAt: "2026-11-01T00:00:00Z")
                try db.execute(
                    sql:
                        "INSERT INTO submissions (\(StoreSchema.list(StoreSchema.submissionColumns))) VALUES (\(head.map { _ in "?" }.joined(separator: ", ")))",
                    arguments: StatementArguments(head.map(\.databaseValue)))
                let id = db.lastInsertedRowID
                for (table, columns, values) in [
                    ("institutions", StoreSchema.institutionColumns, rows.institutions),
                    ("inspections", StoreSchema.inspectionColumns, rows.inspections),
                    // The case columns v3 had: not the subject (v10); the migrations add it, an institution by default.
                    ("cases", v3CaseColumns, rows.cases.map { row in v3CaseIndexes.map { row[$0] } }),
                ] {
                    // Written in reverse, so the rebuilt table's order comes from the key, not from insertion.
                    for (number, row) in values.enumerated().reversed() {
                        let all = ["submission_id", "row_no"] + columns
                        try db.execute(
                            sql: "INSERT INTO \(table) (\(StoreSchema.list(all))) VALUES (\(all.map { _ in "?" }.joined(separator: ", ")))",
                            arguments: StatementArguments([id.databaseValue, Int64(number).databaseValue] + row.map(\.databaseValue)))
                    }
                }
            }
            #expect(
                try await queue.read { db in try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'cases'") }?.contains(
                    "WITHOUT ROWID") == false)
        }
        let store = try SQLiteStore(path: path)
        let versions = try await store.versions(county: nil, period: nil)
        #expect(versions.map(\.origin) == ["v3.xml"])
        var expected = example
        for i in expected.cases.indices { expected.cases[i].reporter = Confidential("") }
        #expect(try await store.load(try #require(versions.first?.id)) == expected)
        let schema = try await store.query(
            "SELECT name, sql FROM sqlite_master WHERE name IN ('institutions', 'inspections', 'cases') ORDER BY name", [])
        #expect(schema.count == 3)
        #expect(schema.allSatisfy { $0[1].text?.hasSuffix("WITHOUT ROWID") == true })
        // The reference to the submission still holds: a row of no stored submission is refused.
        await #expect(throws: StoreError.self) {
            try await store.write(
                "INSERT INTO inspections (submission_id, row_no, institution_code, inspected_on, method, problems_found) VALUES (999, 0, 'x', '2026-03-01', 'routine', 0)",
                [])
        }
        await store.close()
    }
}
