/// A store that runs SQL statements for other tables than the registers (the portal's
/// users, sessions, reviews and audit log): both stores conform, so those tables are
/// written once (``ReturnsTables``). Placeholders are `?`; values are ``StoreValue``s.
public protocol SQLDatabase: Sendable {
    /// Runs a query and returns its rows.
    func query(_ sql: String, _ values: [StoreValue]) async throws(StoreError) -> [[StoreValue]]
    /// Runs one writing statement, atomically, and returns the rows of its `RETURNING`
    /// clause. A unique key violated is ``StoreError/Kind/conflict``.
    @discardableResult
    func write(_ sql: String, _ values: [StoreValue]) async throws(StoreError) -> [[StoreValue]]
    /// Runs `statements` in order in one transaction: all of them are stored or none. Returns
    /// each statement's `RETURNING` rows. A unique key violated is ``StoreError/Kind/conflict``.
    @discardableResult
    func transaction(_ statements: [SQLStatement]) async throws(StoreError) -> [[[StoreValue]]]
    /// A statement that, first in a ``transaction(_:)``, makes every transaction beginning
    /// with the same `key` wait for the others (PostgreSQL: a transaction-scoped advisory
    /// lock); nil where write transactions never overlap anyway (SQLite: one writer at a time).
    func serialized(on key: String) -> SQLStatement?
}

/// One SQL statement with its values (`?` placeholders), to run in a transaction with others.
public struct SQLStatement: Sendable {
    public var sql: String
    public var values: [StoreValue]

    public init(_ sql: String, _ values: [StoreValue]) {
        self.sql = sql
        self.values = values
    }
}

/// A store the return cycle runs on: the registers, and SQL for the return cycle's own
/// tables (FundWatchReturnsStore's `ReturnsTables`).
public typealias ReturnsDatabase = SubmissionStore & SQLDatabase
