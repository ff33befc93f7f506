import ArgumentParser
import FundWatchCore
import FundWatchReturnsStore
import FundWatchStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print the portal's audit log (logins, uploads, reviews, downloads, user and token changes).",
        discussion: "One line per entry, tab-separated: time (UTC), actor, action, outcome, detail, address."
    )

    @Option(help: StoreOptions.help) var db: String?

    @Option(help: "Only entries on or after this day (YYYY-MM-DD, UTC).") var since: String?

    func run() async throws {
        var from: Int64 = 0
        if let since {
            guard let day = Day(iso: since) else { throw ValidationError("--since must be YYYY-MM-DD") }
            from = Int64(day.ordinal) * 86_400
        }
        let entries = try await Console.run { try await StoreOptions.with(db) { try await $0.returns.auditEntries(since: from, limit: Int.max) } }
        for e in entries {
            Console.out("\(Timestamp.utc(e.at))\t\(e.actor)\t\(e.action)\t\(e.outcome)\t\(e.detail)\t\(e.address)\n")
        }
    }
}
