import Foundation
import FundWatchCore
import FundWatchReturnsStore
import FundWatchStore
import Logging
import NIOSSL
import PostgresNIO
import Synchronization

/// The shared store: PostgreSQL through PostgresNIO, with the same tables and the same
/// semantics as `SQLiteStore`. Imports of one county and period are serialised with a
/// transaction-scoped advisory lock, so two clerks importing at once never lose a version.
///
/// The store runs on a `PostgresClient` its caller owns and runs (`client.run()`, or as a
/// service of a server's `ServiceGroup`); ``close()`` leaves the client alone.
public final class PostgresStore: SubmissionStore, SQLDatabase, Sendable {
    public let client: PostgresClient
    let logger: Logger
    /// How long a call may wait for a connection (the server restarting, unreachable) before
    /// it fails as unavailable (`[store] deadline_seconds`). A call that has its connection
    /// runs to its end: a transaction cut short after its COMMIT was sent would leave the
    /// answer and the store disagreeing.
    let deadline: Duration
    /// Whether register rows go in by `COPY` (an import: fast at national scale) or by
    /// multi-row INSERTs (the portal: PostgresNIO stops the whole process with a fatal error
    /// when the server goes away in the middle of a COPY; an INSERT fails as an error).
    let bulkCopy: Bool
    /// How long a call may run once it has its connection (`[store] call_seconds`): past
    /// that the connection is closed and the call fails as unavailable.
    let callLimit: Duration

    /// A store on `client`, which must be running (or about to run); migrates the schema.
    public convenience init(
        client: PostgresClient, logger: Logger, deadline: Duration = .seconds(10), callLimit: Duration = .seconds(120), bulkCopy: Bool = true
    ) async throws(StoreError) {
        self.init(unmigratedOn: client, logger: logger, deadline: deadline, callLimit: callLimit, bulkCopy: bulkCopy)
        try await migrate()
    }

    /// A store on `client` without touching the database yet: for a server that runs the
    /// client as a service of its own and calls ``migrate()`` once the service runs, before
    /// it serves anything.
    public init(
        unmigratedOn client: PostgresClient, logger: Logger, deadline: Duration = .seconds(10), callLimit: Duration = .seconds(120),
        bulkCopy: Bool = true
    ) {
        self.client = client
        self.logger = logger
        self.deadline = deadline
        self.callLimit = callLimit
        self.bulkCopy = bulkCopy
    }

    /// `body` on a pooled connection, which must be had within ``deadline``. When the deadline
    /// comes first the caller fails at once, and a connection granted later is given back
    /// without running `body`: nothing is written after the caller was told it failed. Once
    /// it has its connection, `body` may run for ``callLimit``; past that the connection is
    /// closed (which ends whatever `body` waits for) and the caller fails as unavailable — a
    /// write learns its outcome with ``writing(_:)``. A connection `body` failed on for any
    /// reason but an SQL error is closed, never lent again: PostgresNIO's pool can lend a
    /// connection the server has just cut, and a query on it may never be answered.
    func connected<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let race = LeaseRace<T>()
        let (client, deadline, callLimit) = (self.client, self.deadline, self.callLimit)
        return try await withCheckedThrowingContinuation { continuation in
            race.start(continuation)
            let lease = Task {
                do {
                    let value = try await client.withConnection { connection in
                        guard race.acquire() else { throw CancellationError() }
                        let watchdog = Task {
                            try await Task.sleep(for: callLimit)
                            if race.overrun(StoreError.unavailable("PostgreSQL did not answer within \(callLimit.components.seconds) s")) {
                                try? await connection.close()
                            }
                        }
                        defer { watchdog.cancel() }
                        do {
                            return try await body(connection)
                        } catch {
                            if (error as? PSQLError)?.serverInfo == nil { try? await connection.close() }
                            throw error
                        }
                    }
                    race.finish(.success(value))
                } catch {
                    race.finish(.failure(error))
                }
            }
            Task {
                try? await Task.sleep(for: deadline)
                if race.abandon(StoreError.unavailable("no connection to PostgreSQL within \(deadline.components.seconds) s")) { lease.cancel() }
            }
        }
    }

    /// Who wins between a connection and the deadline, decided once.
    private final class LeaseRace<T: Sendable>: Sendable {
        private enum State { case waiting, acquired, abandoned, done }
        private let state = Mutex<(State, CheckedContinuation<T, any Error>?)>((.waiting, nil))

        func start(_ continuation: CheckedContinuation<T, any Error>) { state.withLock { $0.1 = continuation } }

        /// The connection came: true unless the deadline passed first.
        func acquire() -> Bool {
            state.withLock { s in
                guard s.0 == .waiting else { return false }
                s.0 = .acquired
                return true
            }
        }

        /// The deadline came: fails the caller unless the connection came first.
        func abandon(_ error: any Error) -> Bool { answer(from: [.waiting], to: .abandoned, .failure(error)) }

        /// The call ran over its limit: fails the caller unless it already ended.
        func overrun(_ error: any Error) -> Bool { answer(from: [.acquired], to: .abandoned, .failure(error)) }

        /// The call ended (or failed before a connection): answers the caller unless it was abandoned.
        func finish(_ result: Result<T, any Error>) { _ = answer(from: [.waiting, .acquired], to: .done, result) }

        /// Answers the caller with `result` when the race is in one of `states`, moving it to
        /// `next`; false when it was not (the caller was answered already).
        private func answer(from states: Set<State>, to next: State, _ result: Result<T, any Error>) -> Bool {
            let continuation: CheckedContinuation<T, any Error>? = state.withLock { s in
                guard states.contains(s.0) else { return nil }
                s.0 = next
                defer { s.1 = nil }
                return s.1
            }
            continuation?.resume(with: result)
            return continuation != nil
        }
    }

    /// Brings the schema up to the current version (each migration once, under a lock, so
    /// several servers starting together migrate once).
    public func migrate() async throws(StoreError) {
        try await call("prepare the PostgreSQL store") { try await self.runMigrations() }
    }

    /// How to reach the server of a `postgres://` URL with TLS.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Plain TCP (a server on loopback, or behind a tunnel).
        case disable
        /// TLS when the server offers it, without checking its certificate.
        case prefer
        /// TLS, without checking the certificate (encrypts, but trusts the network).
        case require
        /// TLS with the certificate checked against the system's roots and the host name.
        case verifyFull = "verify-full"
    }

    /// Parses `postgres://user:password@host:port/database?sslmode=MODE` (also `postgresql://`;
    /// an IPv6 host in brackets, `[::1]`; `%XX` escapes in the user and password). `sslmode`
    /// is one of ``TLSMode`` (default `disable` on loopback, `require` elsewhere).
    public static func configuration(url: String) throws(StoreError) -> PostgresClient.Configuration {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), ["postgres", "postgresql"].contains(scheme) else {
            throw StoreError.unavailable("not a PostgreSQL URL: \(redacted(url)) (expected postgres://user:password@host:port/database)")
        }
        var host = parts.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.isEmpty { host = "localhost" }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        let tls: PostgresClient.Configuration.TLS
        switch try tlsMode(url: url) {
        case .disable: tls = .disable
        case .prefer:
            var config = TLSConfiguration.makeClientConfiguration()
            config.certificateVerification = .none
            tls = .prefer(config)
        case .require:
            var config = TLSConfiguration.makeClientConfiguration()
            config.certificateVerification = .none
            tls = .require(config)
        case .verifyFull: tls = .require(TLSConfiguration.makeClientConfiguration())
        }
        return PostgresClient.Configuration(
            host: host, port: parts.port ?? 5432, username: parts.user ?? "postgres",
            password: parts.password, database: database.isEmpty ? nil : database, tls: tls)
    }

    /// The TLS mode of a `postgres://` URL: its `sslmode`, else `disable` for a server on
    /// loopback and `require` for any other.
    public static func tlsMode(url: String) throws(StoreError) -> TLSMode {
        let parts = URLComponents(string: url)
        var host = parts?.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let loopback = ["", "localhost", "127.0.0.1", "::1"].contains(host)
        let text = parts?.queryItems?.first { $0.name == "sslmode" }?.value ?? (loopback ? "disable" : "require")
        guard let mode = TLSMode(rawValue: text) else {
            throw StoreError.unavailable(
                "sslmode=\(text) in \(redacted(url)) is not one of " + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return mode
    }

    /// The URL without its password, for messages.
    public static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }

    /// Runs a database call, turning its errors into ``StoreError``s (see ``storeError(_:_:)``).
    private func call<T>(_ what: String, _ body: () async throws -> T) async throws(StoreError) -> T {
        do {
            return try await body()
        } catch {
            throw Self.storeError(error, what)
        }
    }

    /// A database error as a ``StoreError``: a unique-key or serialisation failure is a
    /// conflict, anything else (no server, refused login) unavailable.
    static func storeError(_ error: any Error, _ what: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else { return StoreError.unavailable("PostgreSQL could not \(what): \(error)") }
        let state = error.serverInfo?[.sqlState]
        if let state, ["23505", "40001", "40P01"].contains(state) {
            return StoreError.conflict("PostgreSQL could not \(what): \(error.serverInfo?[.message] ?? state)")
        }
        return StoreError.unavailable("PostgreSQL could not \(what): \(error.serverInfo?[.message] ?? String(reflecting: error.code))")
    }

    /// Every migration in order, by name: the statements of each version of the schema.
    public static let migrations: [(name: String, statements: [String])] = [
        ("v1", StoreSchema.version1(idColumn: "BIGSERIAL PRIMARY KEY")), ("v2", ReturnsSchema.version2(idColumn: "BIGSERIAL PRIMARY KEY")),
        ("v3", ReturnsSchema.version3(idColumn: "BIGSERIAL PRIMARY KEY")), ("v4", PostgresIntegrity.version4), ("v5", StoreSchema.version5),
        ("v6", ReturnsSchema.version6), ("v7", ReturnsSchema.version7(idColumn: "BIGSERIAL PRIMARY KEY")), ("v8", StoreSchema.version8),
        ("v9", StoreSchema.version9(withoutRowID: "")), ("v10", StoreSchema.version10), ("v11", StoreSchema.version11),
    ]

    private func runMigrations() async throws {
        let logger = self.logger
        try await connected { connection in
            try await connection.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(7464771)", logger: logger)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS fundwatch_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                    logger: logger)
                var applied = Set<String>()
                for try await name in try await connection.query("SELECT name FROM fundwatch_migrations", logger: logger).decode(String.self) {
                    applied.insert(name)
                }
                for (name, statements) in Self.migrations where !applied.contains(name) {
                    for sql in statements { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
                    try await connection.query("INSERT INTO fundwatch_migrations (name) VALUES (\(name))", logger: logger)
                }
            }
        }
    }

    /// One transaction for the batch (``writing(_:)``: its outcome known even when its COMMIT
    /// goes unanswered) and a savepoint per submission. The advisory locks of
    /// all its counties and periods are taken first, in one order, so two imports of
    /// overlapping batches wait for each other instead of deadlocking. Rows go in by `COPY`.
    public func record(batch: [RecordRequest], importedAt: String, dryRun: Bool) async -> RecordBatchResult {
        guard !batch.isEmpty else { return RecordBatchResult(recorded: [], failure: nil) }
        @Sendable func what(_ request: RecordRequest) -> String {
            "store the return of \(request.submission.header.countyCode) for \(request.submission.header.period)"
        }
        let (logger, bulkCopy) = (self.logger, self.bulkCopy)
        do {
            return try await writing { connection in
                if !dryRun {
                    try await Self.lock(batch.map { "\($0.submission.header.countyCode)/\($0.submission.header.period)" }, connection, logger)
                }
                var recorded: [(ImportOutcome, StoredVersion?)] = []
                var alongside: [[[[StoreValue]]]] = []
                for request in batch {
                    try await connection.query("SAVEPOINT fundwatch_submission", logger: logger)
                    do {
                        let result = try await Self.record(
                            request, importedAt: importedAt, dryRun: dryRun, bulkCopy: bulkCopy, connection: connection, logger: logger)
                        var returned: [[[StoreValue]]] = []
                        if !dryRun {
                            for statement in request.alongside?(result.0, result.1) ?? [] {
                                returned.append(try await Self.rows(connection, logger, Self.numbered(statement.sql), statement.values))
                            }
                        }
                        try await connection.query("RELEASE SAVEPOINT fundwatch_submission", logger: logger)
                        recorded.append(result)
                        alongside.append(returned)
                    } catch {
                        try await connection.query("ROLLBACK TO SAVEPOINT fundwatch_submission", logger: logger)
                        return RecordBatchResult(recorded: recorded, failure: Self.storeError(error, what(request)), alongside: alongside)
                    }
                }
                return RecordBatchResult(recorded: recorded, failure: nil, alongside: alongside)
            }
        } catch {
            return RecordBatchResult(
                recorded: [], failure: Self.storeError(error, batch.count == 1 ? what(batch[0]) : "store \(batch.count) returns"))
        }
    }

    /// Takes the transaction-scoped advisory lock of each key, in the order of their hashes.
    private static func lock(_ keys: [String], _ connection: PostgresConnection, _ logger: Logger) async throws {
        var hashes = Set<Int32>()
        for try await hash in try await connection.query("SELECT hashtext(k) FROM unnest(\(keys)::text[]) AS k", logger: logger).decode(Int32.self) {
            hashes.insert(hash)
        }
        for hash in hashes.sorted() {
            try await connection.query("SELECT pg_advisory_xact_lock(\(hash))", logger: logger)
        }
    }

    private static func record(
        _ request: RecordRequest, importedAt: String, dryRun: Bool, bulkCopy: Bool, connection: PostgresConnection,
        logger: Logger
    ) async throws -> (ImportOutcome, StoredVersion?) {
        let header = request.submission.header
        let county = header.countyCode, period = header.period.description
        let month: [StoreValue] = [.text(county), .text(period)]
        let outcome = StoreSchema.outcome(
            holds: try await rows(connection, logger, numbered(StoreSchema.monthHolds), month + month + [.text(request.digest)]).first)
        guard outcome != .unchanged, !dryRun else { return (outcome, nil) }
        let version = try await insert(request, importedAt: importedAt, bulkCopy: bulkCopy, connection: connection, logger: logger)
        return (outcome, version)
    }

    /// Inserts a submission (returning its stored version) and copies its rows in.
    private static func insert(
        _ request: RecordRequest, importedAt: String, bulkCopy: Bool, connection: PostgresConnection, logger: Logger
    ) async throws -> StoredVersion {
        let head = StoreSchema.submissionRow(request.submission, digest: request.digest, origin: request.origin, importedAt: importedAt)
        let sql =
            "INSERT INTO submissions (\(StoreSchema.list(StoreSchema.submissionColumns))) VALUES (\(placeholders(0, head.count)))"
            + " RETURNING \(StoreSchema.list(StoreSchema.versionColumns))"
        guard let row = try await rows(connection, logger, sql, head).first, case .integer(let id) = row.first else {
            throw StoreError.damaged("PostgreSQL returned no id for a new submission")
        }
        let put = bulkCopy ? copy : insertRows
        try await put(connection, logger, "institutions", StoreSchema.institutionColumns, id, request.rows.institutions)
        try await put(connection, logger, "inspections", StoreSchema.inspectionColumns, id, request.rows.inspections)
        try await put(connection, logger, "cases", StoreSchema.caseWriteColumns, id, request.rows.cases)
        try await put(connection, logger, "tipoffs", StoreSchema.tipoffWriteColumns, id, request.rows.tipoffs)
        let figures = [StoreValue.integer(id)] + request.rows.monthFigureRow
        _ = try await rows(
            connection, logger,
            "INSERT INTO month_figures (\(StoreSchema.list(["submission_id"] + StoreSchema.monthFigureColumns))) VALUES (\(placeholders(0, figures.count)))",
            figures)
        return try StoreSchema.version(row)
    }

    /// `COPY table FROM STDIN` in the text format, each row preceded by the submission id and
    /// its position, sent in pieces of about 256 KiB. (Multi-row INSERTs of 60,000 binds
    /// took the server longer to parse than to store.)
    private static func copy(
        _ connection: PostgresConnection, _ logger: Logger, _ table: String, _ columns: [String], _ id: Int64,
        _ rows: [[StoreValue]]
    ) async throws {
        guard !rows.isEmpty else { return }
        try await connection.copyFrom(table: table, columns: ["submission_id", "row_no"] + columns, logger: logger) { writer in
            let piece = 1 << 18
            var buffer = ByteBufferAllocator().buffer(capacity: piece + 4096)
            let prefix = "\(id)\t"
            for (number, row) in rows.enumerated() {
                CopyText.appendRow(prefix: prefix, number: number, row, to: &buffer)
                if buffer.readableBytes >= piece {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    /// Multi-row `INSERT`s of at most about 30,000 values each, each row preceded by the
    /// submission id and its position (for a portal upload: one return's rows).
    private static func insertRows(
        _ connection: PostgresConnection, _ logger: Logger, _ table: String, _ columns: [String], _ id: Int64,
        _ rows: [[StoreValue]]
    ) async throws {
        guard !rows.isEmpty else { return }
        let all = ["submission_id", "row_no"] + columns
        let perStatement = max(1, 30_000 / all.count)
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            var values: [StoreValue] = []
            var tuples: [String] = []
            for number in start..<end {
                tuples.append("(" + placeholders(values.count, all.count) + ")")
                values += [.integer(id), .integer(Int64(number))] + rows[number]
            }
            _ = try await Self.rows(
                connection, logger, "INSERT INTO \(table) (\(StoreSchema.list(all))) VALUES " + tuples.joined(separator: ", "), values)
            start = end
        }
    }

    static func placeholders(_ offset: Int, _ count: Int) -> String {
        (1...count).map { "$\(offset + $0)" }.joined(separator: ", ")
    }

    static func bindings(_ values: [StoreValue]) throws -> PostgresBindings {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let s): binds.append(s)
            case .integer(let n): binds.append(n)
            case .null: binds.appendNull()
            }
        }
        return binds
    }

    private static func rows(_ connection: PostgresConnection, _ logger: Logger, _ sql: String, _ values: [StoreValue]) async throws -> [[StoreValue]]
    {
        var out: [[StoreValue]] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: try bindings(values)), logger: logger) {
            out.append(try row.map { cell in try StoreValue(cell) })
        }
        return out
    }

    public func versions(county: String?, period: YearMonth?) async throws(StoreError) -> [StoredVersion] {
        var conditions: [String] = [], values: [StoreValue] = []
        if let county {
            values.append(.text(county))
            conditions.append("county_code = $\(values.count)")
        }
        if let period {
            values.append(.text(period.description))
            conditions.append("period = $\(values.count)")
        }
        let filter = conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")
        let logger = self.logger
        let bound = values
        return try await call("list the stored versions") {
            try await connected { connection in
                try await Self.rows(
                    connection, logger, "SELECT \(StoreSchema.list(StoreSchema.versionColumns)) FROM submissions WHERE \(filter) ORDER BY id", bound
                )
                .map(StoreSchema.version)
            }
        }
    }

    public func load(_ id: Int64, caseTexts: Bool) async throws(StoreError) -> Submission {
        let logger = self.logger
        return try await call("load stored version \(id)") {
            try await connected { connection in
                var head: [StoreValue]?
                for try await row in try await connection.execute(LoadHead(id: id), logger: logger) {
                    head = try row.map { cell in try StoreValue(cell) }
                }
                guard let head else { throw StoreError.notFound("no stored version \(id)") }
                func part<S: LoadStatement>(_ statement: S) async throws -> [[StoreValue]] {
                    try await Self.register(statement, connection, logger)
                }
                let cases = caseTexts ? try await part(LoadCases(id: id)) : try await part(LoadCaseFigures(id: id))
                return Submission(
                    header: try StoreSchema.header(head),
                    institutions: try await part(LoadInstitutions(id: id)).map(StoreSchema.institution),
                    inspections: try await part(LoadInspections(id: id)).map(StoreSchema.inspection),
                    cases: try cases.map(StoreSchema.caseRecord),
                    tipoffs: try await part(LoadTipoffs(id: id)).map(StoreSchema.tipoff))
            }
        }
    }

    /// A register of one version, sent as one row of arrays (its row numbers, then one per
    /// column), as rows in register order.
    private static func register<S: LoadStatement>(_ statement: S, _ connection: PostgresConnection, _ logger: Logger) async throws -> [[StoreValue]]
    {
        var rows: [[StoreValue]] = []
        for try await row in try await connection.execute(statement, logger: logger) {
            var columns = try row.map(ArrayColumn.values)
            let numbers = columns.isEmpty ? [] : columns.removeFirst()
            rows = try ArrayColumn.rows(columns, numbers: numbers)
        }
        return rows
    }

    public func profiles(_ ids: [Int64]) async throws(StoreError) -> [ReturnProfile] {
        let logger = self.logger
        // One connection for all; a version without month figures (stored before v8) is
        // read whole afterwards.
        let narrow = try await call("read \(ids.count) stored versions") { () async throws -> [ReturnProfile?] in
            try await connected { connection in
                var out: [ReturnProfile?] = []
                for id in ids {
                    var head: [StoreValue]?
                    for try await row in try await connection.execute(LoadProfileHead(id: id), logger: logger) {
                        head = try row.map { cell in try StoreValue(cell) }
                    }
                    guard let head else { throw StoreError.notFound("no stored version \(id)") }
                    guard StoreSchema.hasMonthFigures(head) else {
                        out.append(nil)
                        continue
                    }
                    out.append(
                        try StoreSchema.profile(
                            head: head, cases: try await Self.register(LoadProfileCases(id: id), connection, logger),
                            inspections: try await Self.register(LoadProfileInspections(id: id), connection, logger)))
                }
                return out
            }
        }
        var out: [ReturnProfile] = []
        for (id, profile) in zip(ids, narrow) {
            if let profile {
                out.append(profile)
            } else {
                out.append(ReturnProfile(try await load(id, caseTexts: false)))
            }
        }
        return out
    }

    public func month(county: String, period: YearMonth, digest: String?) async throws(StoreError) -> StoredMonth {
        let logger = self.logger
        let month: [StoreValue] = [.text(county), .text(period.description)]
        return try await call("read the month's versions") {
            try await connected { connection in
                var matching: [[StoreValue]] = []
                if let digest {
                    matching = try await Self.rows(connection, logger, Self.numbered(StoreSchema.monthMatching), month + [.text(digest)])
                }
                return try StoreSchema.month(
                    count: try await Self.rows(connection, logger, Self.numbered(StoreSchema.monthCount), month),
                    current: try await Self.rows(connection, logger, Self.numbered(StoreSchema.monthCurrent), month),
                    matching: matching)
            }
        }
    }

    public func currentVersions(counties: [String]) async throws(StoreError) -> [StoredVersion] {
        let logger = self.logger
        return try await call("list the current versions") {
            try await connected { connection in
                var out: [StoredVersion] = []
                for county in counties {
                    let c = StoreValue.text(county)
                    out += try await Self.rows(connection, logger, Self.numbered(StoreSchema.monthCurrents), [c, c, c]).map(StoreSchema.version)
                }
                return out.sorted { $0.id < $1.id }
            }
        }
    }

    public func latestReturns() async throws(StoreError) -> [StoredVersion] {
        let logger = self.logger
        return try await call("list each county's latest return") {
            try await connected { connection in try await Self.rows(connection, logger, StoreSchema.latestReturns, []).map(StoreSchema.version) }
        }
    }

    public func caseAmounts(_ ids: [Int64]) async throws(StoreError) -> [Int64] {
        guard !ids.isEmpty else { return [] }
        let logger = self.logger
        let bound = ids.map(StoreValue.integer)
        let sql =
            "SELECT amount_involved FROM cases WHERE amount_involved > 0 AND subject_type = 'institution' AND submission_id IN (\(Self.placeholders(0, bound.count)))"
        return try await call("read case amounts") {
            try await connected { connection in try await Self.rows(connection, logger, sql, bound).compactMap { $0.first?.integer } }
        }
    }

    public func versions(counties: [String]) async throws(StoreError) -> [StoredVersion] {
        guard !counties.isEmpty else { return [] }
        let logger = self.logger
        let bound = counties.map(StoreValue.text)
        let sql =
            "SELECT \(StoreSchema.list(StoreSchema.versionColumns)) FROM submissions WHERE county_code IN (\(Self.placeholders(0, bound.count))) ORDER BY id"
        return try await call("list the stored versions") {
            try await connected { connection in try await Self.rows(connection, logger, sql, bound).map(StoreSchema.version) }
        }
    }

    public func query(_ sql: String, _ values: [StoreValue]) async throws(StoreError) -> [[StoreValue]] {
        let logger = self.logger, statement = Self.numbered(sql)
        return try await call("read the portal's tables") {
            try await connected { connection in
                try await Self.rows(connection, logger, statement, values)
            }
        }
    }

    @discardableResult
    public func write(_ sql: String, _ values: [StoreValue]) async throws(StoreError) -> [[StoreValue]] {
        let logger = self.logger, statement = Self.numbered(sql)
        return try await call("write the portal's tables") {
            try await connected { connection in
                try await Self.rows(connection, logger, statement, values)
            }
        }
    }

    /// A transaction-scoped advisory lock on the hash of `key`.
    public func serialized(on key: String) -> SQLStatement? { SQLStatement("SELECT pg_advisory_xact_lock(hashtext(?))", [.text(key)]) }

    @discardableResult
    public func transaction(_ statements: [SQLStatement]) async throws(StoreError) -> [[[StoreValue]]] {
        let logger = self.logger
        return try await call("write the portal's tables") {
            try await writing { connection in
                var out: [[[StoreValue]]] = []
                for statement in statements {
                    out.append(try await Self.rows(connection, logger, Self.numbered(statement.sql), statement.values))
                }
                return out
            }
        }
    }

    /// `?` placeholders as PostgreSQL's `$1`, `$2`… (the portal's statements have no `?` in literals).
    static func numbered(_ sql: String) -> String {
        var out = "", n = 0
        for ch in sql {
            if ch == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Nothing to release: the client belongs to the caller.
    public func close() async {}

    public func appliedMigrations() async throws(StoreError) -> [String] {
        let logger = self.logger
        return try await call("list the applied migrations") {
            try await connected { connection in
                try await Self.rows(connection, logger, "SELECT name FROM fundwatch_migrations", []).compactMap { $0.first?.text }
            }
        }.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
    }

    /// A PostgreSQL store is backed up with the server's own tools (README, "Operations").
    public func backup(to path: String) async throws(StoreError) {
        throw StoreError.unavailable(
            "a PostgreSQL store is backed up with pg_dump --format=custom and restored with pg_restore (README, Operations); fundwatch check verifies the restored database"
        )
    }
}

extension StoreValue {
    /// A text or integer cell; NULL as `.null`.
    init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int2, .int4, .int8: self = .integer(try cell.decode(Int64.self))
        default: self = .text(try cell.decode(String.self))
        }
    }
}
