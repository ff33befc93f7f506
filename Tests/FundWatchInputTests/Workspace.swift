import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchTestSupport
import Testing

/// A temporary folder holding copies of the fixtures, which tests may break on purpose.
struct Workspace {
    let root: String

    init() throws {
        root = Scratch.root + "/fundwatch-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// The fixtures shipped with the tests.
    static var fixtures: String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").path
    }

    static var exampleCSV: String { SharedFixtures.exampleCSV }
    static var exampleXML: String { SharedFixtures.exampleXML }

    /// Copies a fixture (file or folder) into the workspace under `name`.
    func copy(_ source: String, as name: String) throws -> String {
        let target = root + "/" + name
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return target
    }

    /// A copy of the example CSV folder.
    func exampleCSV(_ name: String = "csv") throws -> String { try copy(Self.exampleCSV, as: name) }
    /// A copy of the example XML file.
    func exampleXML(_ name: String = "example.xml") throws -> String { try copy(Self.exampleXML, as: name) }

    /// Replaces the first `old` on 1-based line `line` of `path` by `new`; the test fails if `old` is not there,
    /// so a broken copy is always really broken.
    static func edit(_ path: String, line: Int, _ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var (lines, separator) = try Self.lines(of: path)
        let index = line - 1
        try #require(index < lines.count && lines[index].contains(old), "line \(line) of \(path) lacks \(old)", sourceLocation: sourceLocation)
        let range = lines[index].range(of: old)!
        lines[index].replaceSubrange(range, with: new)
        try lines.joined(separator: separator).write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// The lines of a text file and the line separator it uses (`\r\n` is one Character in Swift).
    static func lines(of path: String) throws -> (lines: [String], separator: String) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let separator = text.contains("\r\n") ? "\r\n" : "\n"
        return (text.components(separatedBy: separator), separator)
    }

    /// The 1-based line of `path` that contains `text` first.
    static func line(of text: String, in path: String) throws -> Int {
        let lines = try Self.lines(of: path).lines
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }
}

/// Reads one submission from a path.
func readOne(_ path: String, limits: ReadLimits = .standard) throws -> ReadOutcome<Submission> {
    let set = ReadBatch(paths: [path], reader: SubmissionReader(limits: limits))
    #expect(set.inputFindings.isEmpty, "\(set.inputFindings.map(\.formatted))")
    return try #require(set.outcomes.first)
}

/// Asserts a finding of `rule` on `line` of a file whose name ends with `file`.
@discardableResult
func expectFinding(
    _ loaded: ReadOutcome<Submission>, rule: String, file: String, line: Int?, severity: Severity = .error,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Finding? {
    let match = loaded.findings.findings.first { $0.rule == rule && $0.file.hasSuffix(file) && $0.line == line }
    #expect(
        match != nil, "expected \(rule) at \(file):\(line.map(String.init) ?? "-"); got \(loaded.findings.findings.map(\.formatted))",
        sourceLocation: sourceLocation)
    if severity == .error {
        #expect(loaded.submission == nil, "a submission with an error must be rejected whole", sourceLocation: sourceLocation)
    }
    #expect(match?.severity == severity, sourceLocation: sourceLocation)
    return match
}
