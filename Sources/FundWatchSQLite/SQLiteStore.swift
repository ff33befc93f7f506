import Foundation
import FundWatchCore
import FundWatchReturnsStore
import FundWatchStore
import GRDB
import GRDBSQLite

/// The embedded store: one SQLite file through GRDB, in WAL mode so readers never wait
/// for a writer, with versioned migrations. Two processes may import at once: each
/// import is one IMMEDIATE transaction, and a writer waits (up to 60 s) for the other.
public final class SQLiteStore: SubmissionStore, SQLDatabase, Sendable {
    let pool: DatabasePool
    public let path: String

    /// Opens (creating and migrating if needed) the store at `path`, blocking the calling
    /// thread while another process holds the file (up to 60 s). From async code use
    /// ``open(path:)``, which waits without holding a thread.
    public convenience init(path: String) throws(StoreError) {
        let deadline = ContinuousClock.now + .seconds(60)
        var pause = 0.005
        while true {
            switch Self.attempt(path: path, deadline: deadline) {
            case .success(let pool):
                self.init(path: path, pool: pool)
                return
            case .failure(let failure):
                guard failure.busy, ContinuousClock.now < deadline else { throw failure.error }
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 0.2)
            }
        }
    }

    /// Opens the store at `path` as ``init(path:)`` does, waiting with `Task.sleep`.
    public static func open(path: String) async throws(StoreError) -> SQLiteStore {
        let deadline = ContinuousClock.now + .seconds(60)
        var pause = Duration.milliseconds(5)
        while true {
            switch attempt(path: path, deadline: deadline) {
            case .success(let pool): return SQLiteStore(path: path, pool: pool)
            case .failure(let failure):
                guard failure.busy, ContinuousClock.now < deadline else { throw failure.error }
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(200))
            }
        }
    }

    private init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Why an attempt to open failed, and whether another process held the file (worth waiting for).
    private struct OpenFailure: Error {
        var error: StoreError
        var busy: Bool
    }

    /// One attempt to open and migrate the store at `path`. Opening waits while another
    /// process holds the file: two imports starting at once on a new store both switch it to
    /// WAL (SQLite answers "database is locked" to that switch at once, without its busy
    /// timeout) and both migrate it.
    private static func attempt(path: String, deadline: ContinuousClock.Instant) -> Result<DatabasePool, OpenFailure> {
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(60)
        configuration.foreignKeysEnabled = true
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try migrateAlongside(pool, until: deadline)
            return .success(pool)
        } catch {
            let busy = (error as? DatabaseError)?.resultCode == .SQLITE_BUSY
            return .failure(OpenFailure(error: .unavailable("cannot open the SQLite store \(path): \(error)"), busy: busy))
        }
    }

    /// Runs a database call, turning its errors into ``StoreError``s (see ``storeError(_:)``).
    private func call<T>(_ body: () async throws -> T) async throws(StoreError) -> T {
        do {
            return try await body()
        } catch {
            throw storeError(error)
        }
    }

    /// A database error as a ``StoreError``: a writer that waited out its timeout or a
    /// locked file is unavailable, a constraint failure a conflict.
    private func storeError(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else { return StoreError.unavailable("the SQLite store \(path) cannot be used: \(error)") }
        switch error.resultCode.primaryResultCode {
        case .SQLITE_CONSTRAINT: return StoreError.conflict("the SQLite store \(path) refused a write: \(error.message ?? "\(error)")")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return StoreError.damaged("the SQLite store \(path) is damaged: \(error.message ?? "\(error)")")
        default: return StoreError.unavailable("the SQLite store \(path) cannot be used: \(error.message ?? "\(error)")")
        }
    }

    /// Migrates `pool` while other processes may be migrating the same file. GRDB's
    /// migrator reads which migrations are applied before it takes the write lock, then
    /// runs each in its own transaction, so two openers of a new store can both start v1:
    /// the second waits for the lock, then fails ("table submissions already exists")
    /// while the first may still be on a later migration. A failure after which more
    /// migrations are applied than before is such a race, and the migration is tried
    /// again from what is now applied; a failure that changed nothing is a real error.
    private static func migrateAlongside(_ pool: DatabasePool, until deadline: ContinuousClock.Instant) throws {
        while true {
            let before = try pool.read { try migrator.appliedIdentifiers($0) }
            do {
                try migrator.migrate(pool)
                return
            } catch {
                let after = try pool.read { try migrator.appliedIdentifiers($0) }
                if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
                guard after.isStrictSuperset(of: before), ContinuousClock.now < deadline else { throw error }
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            for sql in StoreSchema.version1(idColumn: "INTEGER PRIMARY KEY AUTOINCREMENT") { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v2") { db in
            for sql in ReturnsSchema.version2(idColumn: "INTEGER PRIMARY KEY AUTOINCREMENT") { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v3") { db in
            for sql in ReturnsSchema.version3(idColumn: "INTEGER PRIMARY KEY AUTOINCREMENT") { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v4") { db in
            for sql in Self.clusteredRegisters { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v5") { db in
            for sql in StoreSchema.version5 { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v6") { db in
            for sql in ReturnsSchema.version6 { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v7") { db in
            for sql in ReturnsSchema.version7(idColumn: "INTEGER PRIMARY KEY AUTOINCREMENT") { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v8") { db in
            for sql in StoreSchema.version8 { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v9") { db in
            for sql in StoreSchema.version9(withoutRowID: " WITHOUT ROWID") { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v10") { db in
            for sql in StoreSchema.version10 { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v11") { db in
            for sql in StoreSchema.version11 { try db.execute(sql: sql) }
        }
        return migrator
    }

    /// Migration v4: the register tables rebuilt `WITHOUT ROWID`, stored in the order of
    /// their primary key (submission, row). A rowid table kept each row twice, in the table
    /// and in the key's index; an import wrote both, and a report read the index, then the
    /// table. The columns, keys and references stay as they were.
    static var clusteredRegisters: [String] {
        let tables = ["institutions", "inspections", "cases"]
        return tables.flatMap { table -> [String] in
            let head = "CREATE TABLE \(table) ("
            guard let create = StoreSchema.version1(idColumn: "INTEGER PRIMARY KEY AUTOINCREMENT").first(where: { $0.hasPrefix(head) }) else {
                preconditionFailure("StoreSchema.version1 has no table \(table)")
            }
            return [
                "CREATE TABLE \(table)_clustered (" + create.dropFirst(head.count) + " WITHOUT ROWID",
                "INSERT INTO \(table)_clustered SELECT * FROM \(table)",
                "DROP TABLE \(table)",
                "ALTER TABLE \(table)_clustered RENAME TO \(table)",
            ]
        }
    }

    public func record(batch: [RecordRequest], importedAt: String, dryRun: Bool) async -> RecordBatchResult {
        if dryRun {
            do {
                return RecordBatchResult(
                    recorded: try await pool.read { db in
                        try batch.map { (try Self.outcome(db, $0.submission.header, digest: $0.digest), nil) }
                    }, failure: nil)
            } catch {
                return RecordBatchResult(recorded: [], failure: storeError(error))
            }
        }
        // One IMMEDIATE transaction for the batch, a savepoint per submission: a failed one
        // is rolled back alone and ends the batch; the ones before it are committed.
        do {
            let (recorded, alongside, failure) = try await pool.writeWithoutTransaction { db in
                var recorded: [(ImportOutcome, StoredVersion?)] = []
                var alongside: [[[[StoreValue]]]] = []
                var failure: StoreError?
                try db.inTransaction(.immediate) {
                    for request in batch {
                        do {
                            var result: (ImportOutcome, StoredVersion?) = (.unchanged, nil)
                            var returned: [[[StoreValue]]] = []
                            try db.inSavepoint {
                                let outcome = try Self.outcome(db, request.submission.header, digest: request.digest)
                                if outcome != .unchanged {
                                    let id = try Self.insert(
                                        request.submission, rows: request.rows, digest: request.digest, origin: request.origin,
                                        importedAt: importedAt, db: db)
                                    result = (outcome, try Self.versions(db, where: "id = ?", [id]).first)
                                }
                                for statement in request.alongside?(result.0, result.1) ?? [] {
                                    returned.append(try Self.rows(db, statement.sql, statement.values.map(\.databaseValue)))
                                }
                                return .commit
                            }
                            recorded.append(result)
                            alongside.append(returned)
                        } catch {
                            // Named: the batch holds 16 returns, and this one was refused.
                            let refused = self.storeError(error), header = request.submission.header
                            failure = StoreError(refused.kind, "the return of \(header.countyCode) for \(header.period): \(refused.description)")
                            break
                        }
                    }
                    return .commit
                }
                return (recorded, alongside, failure)
            }
            return RecordBatchResult(recorded: recorded, failure: failure, alongside: alongside)
        } catch {
            // The transaction itself failed (busy, disk full): nothing of the batch is stored.
            return RecordBatchResult(recorded: [], failure: storeError(error))
        }
    }

    /// What storing content with `digest` for the county and period of `header` would do.
    private static func outcome(_ db: Database, _ header: SubmissionHeader, digest: String) throws -> ImportOutcome {
        let month: [DatabaseValue] = [header.countyCode.databaseValue, header.period.description.databaseValue]
        return StoreSchema.outcome(holds: try rows(db, StoreSchema.monthHolds, month + month + [digest.databaseValue]).first)
    }

    /// Inserts a submission and its rows; returns its id.
    private static func insert(
        _ s: Submission, rows: StoreSchema.RegisterRows, digest: String, origin: String, importedAt: String,
        db: Database
    ) throws -> Int64 {
        try execute(
            db, table: "submissions", columns: StoreSchema.submissionColumns,
            rows: [StoreSchema.submissionRow(s, digest: digest, origin: origin, importedAt: importedAt)], numberedFor: nil)
        let id = db.lastInsertedRowID
        try execute(db, table: "institutions", columns: StoreSchema.institutionColumns, rows: rows.institutions, numberedFor: id)
        try execute(db, table: "inspections", columns: StoreSchema.inspectionColumns, rows: rows.inspections, numberedFor: id)
        try execute(db, table: "cases", columns: StoreSchema.caseWriteColumns, rows: rows.cases, numberedFor: id)
        try execute(db, table: "tipoffs", columns: StoreSchema.tipoffWriteColumns, rows: rows.tipoffs, numberedFor: id)
        try execute(
            db, table: "month_figures", columns: ["submission_id"] + StoreSchema.monthFigureColumns,
            rows: [[.integer(id)] + rows.monthFigureRow], numberedFor: nil)
        return id
    }

    /// Inserts `rows`; with `numberedFor`, each row is preceded by that submission id and its
    /// position (`submission_id`, `row_no`).
    private static func execute(_ db: Database, table: String, columns: [String], rows: [[StoreValue]], numberedFor id: Int64?) throws {
        guard !rows.isEmpty else { return }
        let all = (id != nil ? ["submission_id", "row_no"] : []) + columns
        let statement = try db.cachedStatement(
            sql: "INSERT INTO \(table) (\(StoreSchema.list(all))) VALUES (\(Array(repeating: "?", count: all.count).joined(separator: ", ")))")
        // Bound and stepped through SQLite's C API: GRDB's `StatementArguments` boxes every
        // value, which cost more than the inserts themselves (a national import is 2.9 M rows).
        let handle = statement.sqliteStatement
        func check(_ code: Int32) throws {
            guard code == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
        let first: Int32 = id != nil ? 3 : 1
        for (number, row) in rows.enumerated() {
            sqlite3_reset(handle)
            if let id {
                try check(sqlite3_bind_int64(handle, 1, id))
                try check(sqlite3_bind_int64(handle, 2, Int64(number)))
            }
            for (offset, value) in row.enumerated() {
                let index = first + Int32(offset)
                let code: Int32 =
                    switch value {
                    case .text(var text):
                        text.withUTF8 { utf8 in
                            utf8.withMemoryRebound(to: CChar.self) { chars in
                                // An empty buffer may have no address, which SQLite would bind as NULL.
                                chars.baseAddress.map { sqlite3_bind_text(handle, index, $0, Int32(chars.count), transient) }
                                    ?? sqlite3_bind_text(handle, index, "", 0, transient)
                            }
                        }
                    case .integer(let number): sqlite3_bind_int64(handle, index, number)
                    case .null: sqlite3_bind_null(handle, index)
                    }
                try check(code)
            }
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
            }
        }
        sqlite3_reset(handle)
    }

    public func versions(county: String?, period: YearMonth?) async throws(StoreError) -> [StoredVersion] {
        var conditions: [String] = [], arguments: [DatabaseValue] = []
        if let county {
            conditions.append("county_code = ?")
            arguments.append(county.databaseValue)
        }
        if let period {
            conditions.append("period = ?")
            arguments.append(period.description.databaseValue)
        }
        let filter = conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
        let bound = arguments
        return try await call { try await pool.read { db in try Self.versions(db, where: filter, bound) } }
    }

    public func month(county: String, period: YearMonth, digest: String?) async throws(StoreError) -> StoredMonth {
        let month: [DatabaseValue] = [county.databaseValue, period.description.databaseValue]
        return try await call {
            try await pool.read { db in
                try StoreSchema.month(
                    count: try Self.rows(db, StoreSchema.monthCount, month),
                    current: try Self.rows(db, StoreSchema.monthCurrent, month),
                    matching: try digest.map { try Self.rows(db, StoreSchema.monthMatching, month + [$0.databaseValue]) } ?? [])
            }
        }
    }

    public func currentVersions(counties: [String]) async throws(StoreError) -> [StoredVersion] {
        try await call {
            try await pool.read { db in
                var out: [StoredVersion] = []
                for county in counties {
                    let c = county.databaseValue
                    out += try Self.rows(db, StoreSchema.monthCurrents, [c, c, c]).map(StoreSchema.version)
                }
                return out.sorted { $0.id < $1.id }
            }
        }
    }

    public func latestReturns() async throws(StoreError) -> [StoredVersion] {
        try await call { try await pool.read { db in try Self.rows(db, StoreSchema.latestReturns, []).map(StoreSchema.version) } }
    }

    public func caseAmounts(_ ids: [Int64]) async throws(StoreError) -> [Int64] {
        guard !ids.isEmpty else { return [] }
        let sql =
            "SELECT amount_involved FROM cases WHERE amount_involved > 0 AND subject_type = 'institution' AND submission_id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ", ")))"
        let bound = ids.map(\.databaseValue)
        return try await call { try await pool.read { db in try Self.rows(db, sql, bound).compactMap { $0.first?.integer } } }
    }

    public func versions(counties: [String]) async throws(StoreError) -> [StoredVersion] {
        guard !counties.isEmpty else { return [] }
        let filter = "county_code IN (\(Array(repeating: "?", count: counties.count).joined(separator: ", ")))"
        let bound = counties.map(\.databaseValue)
        return try await call { try await pool.read { db in try Self.versions(db, where: filter, bound) } }
    }

    private static func versions(_ db: Database, where filter: String, _ arguments: [any DatabaseValueConvertible]) throws -> [StoredVersion] {
        try rows(
            db, "SELECT \(StoreSchema.list(StoreSchema.versionColumns)) FROM submissions WHERE \(filter) ORDER BY id",
            arguments.map(\.databaseValue)
        ).map(StoreSchema.version)
    }

    public func load(_ id: Int64, caseTexts: Bool) async throws(StoreError) -> Submission {
        try await call { try await pool.read { db in try Self.load(db, id, caseTexts: caseTexts) } }
    }

    private static func load(_ db: Database, _ id: Int64, caseTexts: Bool) throws -> Submission {
        let idArg: [DatabaseValue] = [id.databaseValue]
        guard
            let head = try rows(db, "SELECT county_code, county_name, period, prepared_by, submitted_on FROM submissions WHERE id = ?", idArg).first
        else {
            throw StoreError.notFound("no stored version \(id)")
        }
        func part(_ table: String, _ columns: [String]) throws -> [[StoreValue]] {
            try rows(db, "SELECT \(StoreSchema.list(columns)) FROM \(table) WHERE submission_id = ? ORDER BY row_no", idArg)
        }
        return Submission(
            header: try StoreSchema.header(head),
            institutions: try part("institutions", StoreSchema.institutionColumns).map(StoreSchema.institution),
            inspections: try part("inspections", StoreSchema.inspectionColumns).map(StoreSchema.inspection),
            cases: try part("cases", caseTexts ? StoreSchema.caseColumns : StoreSchema.caseColumnsWithoutTexts).map(StoreSchema.caseRecord),
            tipoffs: try part("tipoffs", StoreSchema.tipoffColumns).map(StoreSchema.tipoff))
    }

    public func profiles(_ ids: [Int64]) async throws(StoreError) -> [ReturnProfile] {
        try await call { try await pool.read { db in try ids.map { id in try Self.profile(db, id) } } }
    }

    private static func profile(_ db: Database, _ id: Int64) throws -> ReturnProfile {
        let idArg: [DatabaseValue] = [id.databaseValue]
        guard
            let head = try rows(
                db,
                "SELECT \(StoreSchema.list(StoreSchema.profileHeadColumns)) FROM submissions"
                    + " LEFT JOIN month_figures ON month_figures.submission_id = submissions.id WHERE submissions.id = ?", idArg
            ).first
        else {
            throw StoreError.notFound("no stored version \(id)")
        }
        guard StoreSchema.hasMonthFigures(head) else { return ReturnProfile(try load(db, id, caseTexts: false)) }
        func part(_ table: String, _ columns: [String]) throws -> [[StoreValue]] {
            try rows(db, "SELECT \(StoreSchema.list(columns)) FROM \(table) WHERE submission_id = ? ORDER BY row_no", idArg)
        }
        return try StoreSchema.profile(
            head: head, cases: try part("cases", StoreSchema.profileCaseColumns),
            inspections: try part("inspections", StoreSchema.profileInspectionColumns))
    }

    /// The rows of a query, read through SQLite's C API from a statement prepared once per
    /// connection: GRDB's generic row decoding and statement authorizer cost more than the
    /// reads themselves (a national report loads 2.9 M rows).
    private static func rows(_ db: Database, _ sql: String, _ arguments: [DatabaseValue]) throws -> [[StoreValue]] {
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(StatementArguments(arguments))
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let columns = sqlite3_column_count(handle)
        var out: [[StoreValue]] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            var row: [StoreValue] = []
            row.reserveCapacity(Int(columns))
            for column in 0..<columns {
                switch sqlite3_column_type(handle, column) {
                case SQLITE_NULL: row.append(.null)
                case SQLITE_INTEGER: row.append(.integer(sqlite3_column_int64(handle, column)))
                case SQLITE_FLOAT: row.append(.integer(Int64(sqlite3_column_double(handle, column))))
                default:
                    let count = Int(sqlite3_column_bytes(handle, column))
                    let text =
                        sqlite3_column_text(handle, column).map { String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self) }
                        ?? ""
                    row.append(.text(text))
                }
            }
            out.append(row)
        }
        return out
    }

    /// Merges the write-ahead log into the file (`wal_checkpoint(TRUNCATE)`), then closes:
    /// the file alone then holds everything (a backup's copy is renamed as one file).
    public func close() async {
        _ = try? await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try? pool.close()
    }

    public func integrityProblems() async throws(StoreError) -> [String] {
        let rows = try await call { try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } }
        return rows == ["ok"] ? [] : rows
    }

    public func appliedMigrations() async throws(StoreError) -> [String] {
        try await call { try await pool.read { db in try Self.migrator.appliedIdentifiers(db) } }.sorted {
            $0.count != $1.count ? $0.count < $1.count : $0 < $1
        }
    }

    /// SQLite's online backup from one read transaction: a snapshot of the moment it began,
    /// whatever is written meanwhile (WAL), copied page by page into `path`.
    public func backup(to path: String) async throws(StoreError) {
        let pool = self.pool
        try await call {
            try await offloaded { () throws -> Void in
                let destination = try DatabaseQueue(path: path)
                defer { try? destination.close() }
                try pool.backup(to: destination)
            }
        }
    }

    public func query(_ sql: String, _ values: [StoreValue]) async throws(StoreError) -> [[StoreValue]] {
        let bound = values.map(\.databaseValue)
        return try await call { try await pool.read { db in try Self.rows(db, sql, bound) } }
    }

    @discardableResult
    public func write(_ sql: String, _ values: [StoreValue]) async throws(StoreError) -> [[StoreValue]] {
        let bound = values.map(\.databaseValue)
        return try await call { try await pool.write { db in try Self.rows(db, sql, bound) } }
    }

    /// None needed: a write transaction is IMMEDIATE, one writer at a time, across processes too.
    public func serialized(on key: String) -> SQLStatement? { nil }

    @discardableResult
    public func transaction(_ statements: [SQLStatement]) async throws(StoreError) -> [[[StoreValue]]] {
        try await call { try await pool.write { db in try statements.map { try Self.rows(db, $0.sql, $0.values.map(\.databaseValue)) } } }
    }
}

/// SQLite copies bound text at once (`SQLITE_TRANSIENT`).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension StoreValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .text(let s): s.databaseValue
        case .integer(let n): n.databaseValue
        case .null: .null
        }
    }

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .string(let s): self = .text(s)
        case .int64(let n): self = .integer(n)
        case .double(let d): self = .integer(Int64(d))
        case .blob(let b): self = .text(String(decoding: b, as: UTF8.self))
        case .null: self = .null
        }
    }
}
