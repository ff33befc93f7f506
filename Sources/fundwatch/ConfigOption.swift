import ArgumentParser
import Foundation
import FundWatchCore

/// `--config FILE`: the configuration file (see README, "Configuration").
struct ConfigOption: ParsableArguments {
    @Option(name: .customLong("config"), help: "Configuration file (thresholds, deadlines, weights); defaults as documented when absent.")
    var path: String?

    func load() throws -> Configuration {
        guard let path else { return Configuration() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            Console.err("error: configuration file \(path) cannot be read as UTF-8 text\n")
            throw ExitCode(1)
        }
        do {
            return try Configuration(try ConfigFile(text: text, file: path))
        } catch {
            Console.err("error: configuration \(error.description)\n")
            throw ExitCode(1)
        }
    }
}
