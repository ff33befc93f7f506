import Foundation
import FundWatchPostgres
import FundWatchSQLite
import FundWatchStore
import Logging
import PostgresNIO

/// A store opened from a URL for one command or one server: a SQLite file (a path,
/// `sqlite:PATH` or `sqlite://PATH`) or a PostgreSQL database (`postgres://…`). For
/// PostgreSQL it runs the client itself until ``close()``; a server that runs its own
/// `PostgresClient` as a service makes a `PostgresStore` directly instead.
public final class StoreConnection: Sendable {
    /// The registers and the portal's tables.
    public let store: any ReturnsDatabase
    private let runner: Task<Void, Never>?

    private init(store: any ReturnsDatabase, runner: Task<Void, Never>?) {
        self.store = store
        self.runner = runner
    }

    /// `option`, else `$FUNDWATCH_DB`, else `./fundwatch.sqlite`.
    public static func url(_ option: String?) -> String {
        option ?? ProcessInfo.processInfo.environment["FUNDWATCH_DB"] ?? "fundwatch.sqlite"
    }

    /// Whether `url` names a PostgreSQL database.
    public static func isPostgres(_ url: String) -> Bool {
        url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")
    }

    /// `url` for messages: a PostgreSQL password replaced by `***`.
    public static func redacted(_ url: String) -> String { PostgresStore.redacted(url) }

    /// Opens (creating and migrating if needed) the store `url` names.
    public static func open(_ url: String, logger: Logger = StoreConnection.quietLogger) async throws(StoreError) -> StoreConnection {
        if isPostgres(url) {
            let client = PostgresClient(configuration: try PostgresStore.configuration(url: url), backgroundLogger: logger)
            let runner = Task { await client.run() }
            do {
                return StoreConnection(store: try await PostgresStore(client: client, logger: logger), runner: runner)
            } catch {
                runner.cancel()
                await runner.value
                throw StoreError(error.kind, "\(PostgresStore.redacted(url)): \(error.description)")
            }
        }
        return StoreConnection(store: try await SQLiteStore.open(path: sqlitePath(url)), runner: nil)
    }

    /// The file a SQLite URL names (a path, `sqlite:PATH` or `sqlite://PATH`).
    public static func sqlitePath(_ url: String) -> String {
        var path = url
        if path.hasPrefix("sqlite://") { path.removeFirst("sqlite://".count) } else if path.hasPrefix("sqlite:") { path.removeFirst("sqlite:".count) }
        return path
    }

    /// Releases the store and stops its client.
    public func close() async {
        await store.close()
        if let runner {
            runner.cancel()
            await runner.value
        }
    }

    /// A logger that keeps PostgresNIO's background messages out of a command's output.
    public static let quietLogger: Logger = {
        var logger = Logger(label: "fundwatch.store")
        logger.logLevel = .critical
        return logger
    }()
}
