/// A store that runs SQL statements for other tables than the registers (the portal's
/// users, sessions, reviews and audit log): both stores conform, so those tables are
/// written once (``PortalStore``). Placeholders are `?`; values are ``StoreValue``s.
public protocol SQLDatabase: Sendable {
    /// Runs a query and returns its rows.
    func query(_ sql: String, _ values: [StoreValue]) async throws(StoreError) -> [[StoreValue]]
    /// Runs one writing statement, atomically, and returns the rows of its `RETURNING`
    /// clause. A unique key violated is ``StoreError/Kind/conflict``.
    @discardableResult
    func write(_ sql: String, _ values: [StoreValue]) async throws(StoreError) -> [[StoreValue]]
}

extension SQLDatabase {
    /// The portal's tables in this store.
    public var portal: PortalStore { PortalStore(database: self) }
}

/// A store the portal runs on: the registers and the portal's own tables.
public typealias PortalDatabase = SubmissionStore & SQLDatabase
