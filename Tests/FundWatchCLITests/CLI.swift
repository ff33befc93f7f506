import Foundation
import FundWatchTestSupport
import Testing

/// Runs the built `fundwatch` executable, as a clerk would.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable, built next to the test bundle.
    static var executable: String {
        get throws {
            var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            for _ in 0..<3 {
                let candidate = folder.appendingPathComponent("fundwatch").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
            let fallback = URL(fileURLWithPath: SharedFixtures.folder).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("fundwatch").path
            try #require(FileManager.default.isExecutableFile(atPath: fallback), "fundwatch executable not found near \(CommandLine.arguments[0])")
            return fallback
        }
    }

    /// Runs the executable with `arguments` (and `input` on its standard input), reading its
    /// standard output and standard error at the same time: reading one to its end first
    /// would hang once the other fills its pipe (64 KiB).
    static func run(_ arguments: [String], input: [UInt8]? = nil, environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable)
        process.arguments = arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input))
            try stdin.fileHandleForWriting.close()
        }
        let errors = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errors.data
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Bytes one reader thread collects for another.
    private final class Collected: @unchecked Sendable { var data = Data() }

    static var exampleXML: String { SharedFixtures.exampleXML }
    static var exampleCSV: String { SharedFixtures.exampleCSV }

    /// The sample city, generated once per test run by `fundwatch sample-data` (deterministic).
    static let sampleCity: String = {
        let folder = Scratch.root + "/fundwatch-city-" + UUID().uuidString
        let result = try? run(["sample-data", "--out", folder])
        precondition(result?.status == 0, "sample-data failed: \(result?.stderr ?? "")")
        return folder
    }()

    static func tempCopy(_ source: String) throws -> String {
        let folder = Scratch.root + "/fundwatch-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = folder + "/" + URL(fileURLWithPath: source).lastPathComponent
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return target
    }
}
