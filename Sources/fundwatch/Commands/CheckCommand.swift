import ArgumentParser
import Foundation
import FundWatchPipeline
import FundWatchStores

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a store's integrity: the database's own check, the schema, every version's rows and digest, the review events.",
        discussion: """
            Prints one line per problem naming the county, month and version; exit 0 when the store is sound, 1 otherwise. \
            It changes nothing. Give the bureau's --config when the store keeps reporters under a key ([store] reporter_key_file): \
            digests are compared under the key they were made with. Nightly, after the backup:
              30 2 * * *  fundwatch backup --db /var/lib/fundwatch/fundwatch.sqlite --out /backup/fundwatch-$(date +\\%F).sqlite && fundwatch check --db /backup/fundwatch-$(date +\\%F).sqlite
            """
    )

    @Option(help: StoreOptions.help)
    var db: String?

    @Option(name: .customLong("config"), help: "Configuration file (the [store] reporter key the digests were made with).")
    var config: String?

    func run() async throws {
        let url = StoreConnection.url(db)
        try StoreOptions.requireExisting(url)
        let checked = try await Console.run {
            let settings = try config.map { path throws(PipelineError) in try Pipeline.settings(file: path) } ?? .init()
            let pipeline = try Pipeline.forTerminal(settings: settings)
            return try await StoreOptions.with(db) { try await pipeline.check($0) }
        }
        for problem in checked.problems { Console.out(problem.description + "\n") }
        Console.err(
            "\(checked.isSound ? "完好 sound" : "有问题 \(checked.problems.count) problem(s)"): \(checked.versions) version(s), \(checked.rows) register row(s) checked in \(StoreConnection.redacted(url))\n"
        )
        if !checked.isSound { throw ExitCode(1) }
    }
}
