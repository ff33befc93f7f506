import FundWatchStore
import Logging
import PostgresNIO
import Synchronization

extension PostgresStore {
    /// How long a write whose COMMIT went unanswered waits for the server to say whether it
    /// committed (``writing(_:)``): the server restarting takes seconds; past this the caller
    /// is told the store is unavailable, and the write's outcome is left to the store.
    static let settleLimit: Duration = .seconds(60)

    /// One write transaction on one pooled connection (``connected(_:)``), whose outcome is
    /// known even when the answer to its COMMIT is lost — the server stopping just as it
    /// commits, the connection cut, the call running over its limit. The transaction notes
    /// its id (`txid_current()`); when COMMIT was sent but not answered, the server is asked
    /// `txid_status` once it answers again (within ``settleLimit``): committed, and the caller
    /// gets `body`'s value as if nothing had happened; aborted, and the caller gets the error.
    /// So an answer and the store never disagree: a success means stored, an error means
    /// nothing stored.
    func writing<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let logger = self.logger
        let progress = Mutex<(xid: Int64?, value: T?, commitSent: Bool)>((nil, nil, false))
        do {
            try await connected { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    let xid = try await Self.single(connection, logger, "SELECT txid_current()")
                    progress.withLock { $0.xid = xid }
                    let value = try await body(connection)
                    progress.withLock {
                        $0.value = value
                        $0.commitSent = true
                    }
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
                try await connection.query("COMMIT", logger: logger)
            }
        } catch {
            let (xid, value, commitSent) = progress.withLock { ($0.xid, $0.value, $0.commitSent) }
            guard commitSent, let xid, let value else { throw error }
            switch try await settle(xid, commitError: error) {
            case .committed: return value
            case .aborted: throw error
            }
        }
        guard let value = progress.withLock({ $0.value }) else { throw StoreError.damaged("a committed transaction left no value") }
        return value
    }

    /// The settled outcome of a transaction whose COMMIT was in doubt.
    enum Settled: Sendable { case committed, aborted }

    /// Asks the server, again and again until it answers (within ``settleLimit``), whether
    /// transaction `xid` committed. Throws unavailable when the server does not answer in
    /// time or no longer knows the transaction.
    func settle(_ xid: Int64, commitError: any Error) async throws -> Settled {
        let logger = self.logger
        let until = ContinuousClock.now + Self.settleLimit
        while true {
            let status: String??
            do {
                status = try await connected { connection in
                    var found: String?
                    for try await s in try await connection.query("SELECT txid_status(\(xid))", logger: logger).decode(String?.self) { found = s }
                    return found
                }
            } catch {
                status = nil  // The server is not back yet: ask again.
            }
            switch status {
            case .some(.some("committed")):
                logger.warning("a COMMIT went unanswered and was made", metadata: ["xid": "\(xid)"])
                return .committed
            case .some(.some("aborted")):
                logger.warning("a COMMIT went unanswered and was not made", metadata: ["xid": "\(xid)"])
                return .aborted
            case .some(.none):
                throw StoreError.unavailable("PostgreSQL no longer knows transaction \(xid), whose COMMIT went unanswered")
            default:
                break  // Not asked yet, or still in progress.
            }
            guard ContinuousClock.now < until else {
                throw StoreError.unavailable(
                    "PostgreSQL did not say within \(Self.settleLimit.components.seconds) s whether transaction \(xid) committed: \(commitError)")
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    /// The one value of a one-row, one-column query.
    static func single(_ connection: PostgresConnection, _ logger: Logger, _ query: PostgresQuery) async throws -> Int64 {
        for try await value in try await connection.query(query, logger: logger).decode(Int64.self) { return value }
        throw StoreError.damaged("PostgreSQL answered no row to \(query.sql)")
    }
}
