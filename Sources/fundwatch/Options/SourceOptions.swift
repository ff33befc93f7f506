import ArgumentParser
import Foundation
import FundWatchPipeline
import FundWatchStore
import FundWatchStores

/// Where a reporting command reads submissions: files given as PATHs, or a store (`--db`).
struct SourceOptions: ParsableArguments {
    @Option(help: "Read from a store instead of files: a SQLite path, sqlite:PATH, or postgres://user:password@host:port/db[?sslmode=require].")
    var db: String?

    @Flag(
        name: .customLong("approved-only"),
        help: "With --db: use only versions the city approved in the portal (已审核), each county's latest approved one.")
    var approvedOnly = false

    @Argument(help: "Submissions: .xml files, .xlsx workbooks, CSV folders, .zip files, or folders holding them (or --db).")
    var paths: [String] = []

    func validate() throws {
        if db != nil && !paths.isEmpty { throw ValidationError("give either PATHs or --db, not both") }
        if approvedOnly && db == nil { throw ValidationError("--approved-only reads review states from a store: give --db") }
        if db == nil && paths.isEmpty { throw ValidationError("give PATHs of submissions, or --db to read from a store") }
    }

    /// Runs `body` on the source, closing a store afterwards whatever happens (a store's
    /// digests follow `pipeline`'s reporter settings first: ``Pipeline/alignDigests(of:)``).
    func with<R>(_ pipeline: Pipeline, _ body: (DataSource) async throws -> R) async throws -> R {
        guard let db else { return try await body(.paths(paths)) }
        return try await StoreOptions.with(db, aligning: pipeline) { try await body(approvedOnly ? .approved($0) : .store($0)) }
    }
}

/// `--db` of the commands that work on a store (import, history).
enum StoreOptions {
    static let help: ArgumentHelp =
        "The store: a SQLite path (default ./fundwatch.sqlite or $FUNDWATCH_DB), sqlite:PATH, or postgres://user:password@host:port/db[?sslmode=require]."

    /// Opens the store `option` names (else `$FUNDWATCH_DB`, else `./fundwatch.sqlite`), runs
    /// `body`, and closes it whatever happens. With `pipeline` (the commands that read or
    /// write returns, run with the bureau's --config), the store's content digests are first
    /// made to follow its reporter settings (``Pipeline/alignDigests(of:)``); user and audit
    /// commands, which never compare digests, leave them alone.
    /// Refuses a SQLite path that does not exist (opening it would make a new, empty store):
    /// for the commands that only read a store (`check`, `backup`).
    static func requireExisting(_ url: String) throws {
        guard !StoreConnection.isPostgres(url) else { return }
        let path = StoreConnection.sqlitePath(url)
        guard FileManager.default.fileExists(atPath: path) else {
            Console.err("错误 error: 没有这个数据库文件 no store at \(path)\n")
            throw ExitCode(1)
        }
    }

    static func with<R>(_ option: String?, aligning pipeline: Pipeline? = nil, _ body: (any ReturnsDatabase) async throws -> R) async throws -> R {
        let connection = try await StoreConnection.open(StoreConnection.url(option))
        do {
            if let pipeline { try await pipeline.alignDigests(of: connection.store) }
            let result = try await body(connection.store)
            await connection.close()
            return result
        } catch {
            await connection.close()
            throw error
        }
    }
}
