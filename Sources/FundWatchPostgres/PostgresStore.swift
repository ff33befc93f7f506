import FundWatchCore
import FundWatchStore
import Logging
import PostgresNIO

/// The shared store: PostgreSQL through PostgresNIO, with the same tables and the same
/// semantics as ``SQLiteStore``. Imports of one county and period are serialised with a
/// transaction-scoped advisory lock, so two clerks importing at once never lose a version.
public final class PostgresStore: SubmissionStore, Sendable {
    let client: PostgresClient
    let runner: Task<Void, Never>
    let logger: Logger
    /// The URL this store was opened with (a second process would open the same).
    public let url: String

    /// Connects to `url` (`postgres://user:password@host:port/database`) and migrates the schema.
    public init(url: String) async throws {
        let configuration = try Self.configuration(url)
        self.url = url
        var logger = Logger(label: "fundwatch.postgres")
        logger.logLevel = .critical
        self.logger = logger
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.runner = Task { await client.run() }
        do {
            try await migrate()
        } catch {
            runner.cancel()
            throw StoreError("cannot use the PostgreSQL store \(Self.redacted(url)): \(String(reflecting: error))")
        }
    }

    /// Parses `postgres://user:password@host:port/database`.
    static func configuration(_ url: String) throws -> PostgresClient.Configuration {
        guard let scheme = url.range(of: "://"), ["postgres", "postgresql"].contains(String(url[..<scheme.lowerBound])) else {
            throw StoreError("not a PostgreSQL URL: \(redacted(url)) (expected postgres://user:password@host:port/database)")
        }
        var rest = String(url[scheme.upperBound...])
        var user = "postgres", password: String? = nil
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = String(rest[rest.index(after: at)...])
            if let colon = credentials.firstIndex(of: ":") {
                user = String(credentials[..<colon]).removingPercentEncodingSafe
                password = String(credentials[credentials.index(after: colon)...]).removingPercentEncodingSafe
            } else {
                user = String(credentials).removingPercentEncodingSafe
            }
        }
        var database: String? = nil
        if let slash = rest.firstIndex(of: "/") {
            database = String(rest[rest.index(after: slash)...]).split(separator: "?").first.map(String.init)
            rest = String(rest[..<slash])
        }
        var host = rest, port = 5432
        if let colon = rest.lastIndex(of: ":"), let p = Int(rest[rest.index(after: colon)...]) {
            host = String(rest[..<colon])
            port = p
        }
        return PostgresClient.Configuration(host: host.isEmpty ? "localhost" : host, port: port, username: user,
                                            password: password, database: database, tls: .disable)
    }

    /// The URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url.lastIndex(of: "@"),
              let colon = url[scheme.upperBound..<at].firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }

    private func migrate() async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(7464771)", logger: logger)
            try await connection.query("CREATE TABLE IF NOT EXISTS fundwatch_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())", logger: logger)
            var applied = Set<String>()
            for try await name in try await connection.query("SELECT name FROM fundwatch_migrations", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            if !applied.contains("v1") {
                for sql in StoreSchema.version1(idColumn: "BIGSERIAL PRIMARY KEY") {
                    try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                }
                try await connection.query("INSERT INTO fundwatch_migrations (name) VALUES ('v1')", logger: logger)
            }
        }
    }

    public func record(_ submission: Submission, rows: StoreSchema.RegisterRows, digest: String, origin: String, importedAt: String,
                       dryRun: Bool) async throws -> (ImportOutcome, StoredVersion?) {
        let county = submission.header.countyCode, period = submission.header.period.description
        let logger = self.logger
        return try await client.withTransaction(logger: logger) { connection in
            if !dryRun {
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(county + "/" + period)))", logger: logger)
            }
            var existing: [String] = []
            for try await d in try await connection.query(
                "SELECT digest FROM submissions WHERE county_code = \(county) AND period = \(period)", logger: logger).decode(String.self) {
                existing.append(d)
            }
            let outcome = PostgresStore.outcome(digest: digest, existing: existing)
            guard outcome != .unchanged, !dryRun else { return (outcome, nil) }
            let id = try await Self.insert(submission, rows: rows, digest: digest, origin: origin, importedAt: importedAt,
                                           connection: connection, logger: logger)
            let version = try await Self.rows(connection, logger,
                "SELECT \(StoreSchema.list(StoreSchema.versionColumns)) FROM submissions WHERE id = $1", [.integer(id)]).map(StoreSchema.version).first
            return (outcome, version)
        }
    }

    private static func insert(_ s: Submission, rows: StoreSchema.RegisterRows, digest: String, origin: String, importedAt: String,
                               connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let head = StoreSchema.submissionRow(s, digest: digest, origin: origin, importedAt: importedAt)
        let sql = "INSERT INTO submissions (\(StoreSchema.list(StoreSchema.submissionColumns))) VALUES (\(placeholders(0, head.count))) RETURNING id"
        var id: Int64 = 0
        for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: try bindings(head)), logger: logger).decode(Int64.self) {
            id = value
        }
        func numbered(_ rows: [[StoreValue]]) -> [[StoreValue]] {
            rows.enumerated().map { [.integer(id), .integer(Int64($0.offset))] + $0.element }
        }
        try await insertRows(connection, logger, "institutions", StoreSchema.institutionColumns, numbered(rows.institutions))
        try await insertRows(connection, logger, "inspections", StoreSchema.inspectionColumns, numbered(rows.inspections))
        try await insertRows(connection, logger, "cases", StoreSchema.caseWriteColumns, numbered(rows.cases))
        return id
    }

    /// Multi-row INSERTs, as many rows per statement as the bind limit allows (at most 1,000).
    private static func insertRows(_ connection: PostgresConnection, _ logger: Logger, _ table: String, _ columns: [String], _ rows: [[StoreValue]]) async throws {
        let all = ["submission_id", "row_no"] + columns
        let perStatement = min(1_000, 60_000 / all.count)
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(rows.count, start + perStatement)]
            let values = batch.indices.map { "(\(placeholders(($0 - start) * all.count, all.count)))" }.joined(separator: ", ")
            let sql = "INSERT INTO \(table) (\(StoreSchema.list(all))) VALUES \(values)"
            try await connection.query(PostgresQuery(unsafeSQL: sql, binds: try bindings(batch.flatMap { $0 })), logger: logger)
            start += perStatement
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

    private static func rows(_ connection: PostgresConnection, _ logger: Logger, _ sql: String, _ values: [StoreValue]) async throws -> [[StoreValue]] {
        var out: [[StoreValue]] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: try bindings(values)), logger: logger) {
            out.append(try row.map { cell in try StoreValue(cell) })
        }
        return out
    }

    public func versions(county: String?, period: YearMonth?) async throws -> [StoredVersion] {
        var conditions: [String] = [], values: [StoreValue] = []
        if let county { values.append(.text(county)); conditions.append("county_code = $\(values.count)") }
        if let period { values.append(.text(period.description)); conditions.append("period = $\(values.count)") }
        let filter = conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")
        let logger = self.logger
        let bound = values
        return try await client.withConnection { connection in
            try await Self.rows(connection, logger, "SELECT \(StoreSchema.list(StoreSchema.versionColumns)) FROM submissions WHERE \(filter) ORDER BY id", bound)
                .map(StoreSchema.version)
        }
    }

    public func load(_ id: Int64, caseTexts: Bool) async throws -> Submission {
        let logger = self.logger
        return try await client.withConnection { connection in
            let key: [StoreValue] = [.integer(id)]
            guard let head = try await Self.rows(connection, logger,
                "SELECT county_code, county_name, period, prepared_by, submitted_on FROM submissions WHERE id = $1", key).first else {
                throw StoreError("no stored version \(id)")
            }
            func part(_ table: String, _ columns: [String]) async throws -> [[StoreValue]] {
                try await Self.rows(connection, logger, "SELECT \(StoreSchema.list(columns)) FROM \(table) WHERE submission_id = $1 ORDER BY row_no", key)
            }
            return Submission(header: try StoreSchema.header(head),
                              institutions: try await part("institutions", StoreSchema.institutionColumns).map(StoreSchema.institution),
                              inspections: try await part("inspections", StoreSchema.inspectionColumns).map(StoreSchema.inspection),
                              cases: try await part("cases", caseTexts ? StoreSchema.caseColumns : StoreSchema.caseColumnsWithoutTexts).map(StoreSchema.caseRecord))
        }
    }

    public func close() async throws {
        runner.cancel()
        await runner.value
    }
}

extension StoreValue {
    /// A text or integer cell; NULL as `.null`.
    init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else { self = .null; return }
        switch cell.dataType {
        case .int2, .int4, .int8: self = .integer(try cell.decode(Int64.self))
        default: self = .text(try cell.decode(String.self))
        }
    }
}

extension String {
    /// `%XX` escapes of a URL's user or password decoded (invalid escapes kept as written).
    var removingPercentEncodingSafe: String {
        let u = Array(utf8)
        var bytes: [UInt8] = []
        var k = 0
        while k < u.count {
            if u[k] == UInt8(ascii: "%"), k + 2 < u.count, let b = UInt8(String(decoding: u[k + 1...k + 2], as: UTF8.self), radix: 16) {
                bytes.append(b)
                k += 3
            } else {
                bytes.append(u[k])
                k += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
