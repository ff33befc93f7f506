import ArgumentParser
import Foundation
import FundWatchPipeline
import FundWatchStore
import FundWatchStores

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back a SQLite store up into one file, consistent while serve and import keep writing, and check the copy.",
        discussion: """
            The copy is made under a temporary name beside --out, checked as `check` does, and renamed to --out only when \
            sound; a failed backup leaves --out as it was. The reporter key ([store] reporter_key_file) is never in a store: \
            keep it apart from the backups, or the reporters of a restored store cannot be read. A PostgreSQL store is backed \
            up with pg_dump --format=custom (README, Operations).
            """
    )

    @Option(help: StoreOptions.help)
    var db: String?

    @Option(help: "The backup file to write (replaced when it exists, once the new copy has passed its check).")
    var out: String

    @Option(name: .customLong("config"), help: "Configuration file (the [store] reporter key the digests were made with).")
    var config: String?

    func run() async throws {
        let url = StoreConnection.url(db)
        try StoreOptions.requireExisting(url)
        let started = Date()
        let checked = try await Console.run {
            let settings = try config.map { path throws(PipelineError) in try Pipeline.settings(file: path) } ?? .init()
            let pipeline = try Pipeline.forTerminal(settings: settings)
            return try await StoreOptions.with(db) { store in
                try await pipeline.backup(store, to: out) { path throws(StoreError) in try await StoreConnection.open(path).store }
            }
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        Console.err("已备份 backed up: \(out) — \(checked.versions) version(s), \(checked.rows) register row(s), checked sound, in \(seconds) s\n")
    }
}
