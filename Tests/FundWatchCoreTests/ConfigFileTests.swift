import Foundation
import FundWatchCore
import Testing

/// The configuration reader against Python's `tomllib`, the reference for TOML: what it reads
/// from Fixtures/config (committed answers), and the repository's fundwatch.conf.example
/// read by tomllib at test time.
@Suite("Configuration files read as TOML")
struct ConfigFileTests {
    static var fixtures: String { Bundle.module.resourceURL!.appendingPathComponent("Fixtures/config").path }

    /// `section.key` → value, as FundWatch reads a file.
    static func ours(_ text: String) throws -> [String: ConfigFile.Value] {
        let file = try ConfigFile(text: text, file: "test.toml")
        return Dictionary(uniqueKeysWithValues: file.entries.map { ($0.section.isEmpty ? $0.key : "\($0.section).\($0.key)", $0.value) })
    }

    /// `a.b.key` → value, flattened from a JSON document of tomllib's answer.
    static func flatten(_ object: [String: Any], prefix: String = "") -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, value) in object {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if let table = value as? [String: Any] { out.merge(flatten(table, prefix: path)) { $1 } } else { out[path] = value }
        }
        return out
    }

    /// Whether FundWatch's value equals tomllib's (numbers compared as numbers: tomllib reads
    /// `100000.00` as the float 100000.0, FundWatch keeps the digits for exact money).
    static func same(_ ours: ConfigFile.Value, _ theirs: Any) -> Bool {
        switch ours {
        case .text(let text): (theirs as? String) == text
        case .number(let digits): (theirs as? NSNumber).map { Double(digits) == $0.doubleValue } ?? false
        }
    }

    static func compare(_ text: String, with reference: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let values = try ours(text)
        let expected = flatten(reference)
        #expect(Set(values.keys) == Set(expected.keys), sourceLocation: sourceLocation)
        for (key, value) in values {
            #expect(
                expected[key].map { same(value, $0) } == true, "\(key): FundWatch \(value), tomllib \(String(describing: expected[key]))",
                sourceLocation: sourceLocation)
        }
    }

    @Test("tricky strings and numbers read as tomllib reads them: # inside quotes, \\\" before #, \\t, \\uXXXX, literal strings, _")
    func tricky() throws {
        let text = try String(contentsOfFile: Self.fixtures + "/tricky.toml", encoding: .utf8)
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/tricky.expected.json")))
        try Self.compare(text, with: try #require(reference as? [String: Any]))
        let values = try Self.ours(text)
        #expect(values["bulletin.quote_before_hash"] == .text("\""))
        #expect(values["bulletin.reward_text"] == .text("第一行\n第二行\t制表\\反斜杠 é 😀"))
        #expect(values["evaluation.weights.big"] == .number("1000000"))
    }

    @Test("every line tomllib refuses is refused, naming its line")
    func invalid() throws {
        let lines = try String(contentsOfFile: Self.fixtures + "/invalid.txt", encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 15)
        for line in lines {
            let document = line.replacingOccurrences(of: "\\n", with: "\n")
            #expect(throws: ConfigFile.Problem.self, "\(line)") { _ = try ConfigFile(text: document, file: "bad.toml") }
        }
        #expect(
            throws: ConfigFile.Problem(
                file: "bad.toml", line: 3, message: "\\q is not an escape (use \\\\, \\\", \\t, \\n, \\r, \\b, \\f, \\uXXXX or \\UXXXXXXXX)")
        ) {
            _ = try ConfigFile(text: "[bulletin]\nissuer = \"x\"\nhotline = \"bad \\q\"\n", file: "bad.toml")
        }
    }

    @Test("the repository's fundwatch.conf.example is TOML: tomllib reads it, with the same values, and every default is in it")
    func exampleFile() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fundwatch.conf.example").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import json, sys, tomllib; print(json.dumps(tomllib.load(open(sys.argv[1], 'rb'))))", path]
        let out = Pipe()
        python.standardOutput = out
        try python.run()
        let json = out.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "tomllib refuses fundwatch.conf.example")
        try Self.compare(text, with: try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any]))
        // And it is a valid FundWatch configuration with the documented defaults.
        let settings = try Settings(try ConfigFile(text: text, file: path))
        #expect(settings.policy.noticeDays == Policy.standard.noticeDays)
        #expect(settings.policy.majorAmountThreshold == Policy.standard.majorAmountThreshold)
        #expect(settings.plausibility == PlausibilitySettings.standard)
    }

    @Test("[plausibility]: scores as decimals, bounds named with the line, min_history_months not above history_months")
    func plausibility() throws {
        let s = try Settings(try ConfigFile(text: "[plausibility]\noutlier_score = 4.25\namount_score = 6\nmin_history_months = 4\n", file: "p.toml"))
        #expect(s.plausibility.outlierScoreHundredths == 425 && s.plausibility.amountScoreHundredths == 600 && s.plausibility.minHistoryMonths == 4)
        #expect(throws: ConfigFile.Problem(file: "p.toml", line: 2, message: "outlier_score must be from 1.00 to 100.00, e.g. 3.50")) {
            _ = try Settings(try ConfigFile(text: "[plausibility]\noutlier_score = 0.5\n", file: "p.toml"))
        }
        #expect(throws: ConfigFile.Problem(file: "p.toml", line: 2, message: "min_history_months (12) is more than history_months (6)")) {
            _ = try Settings(try ConfigFile(text: "[plausibility]\nmin_history_months = 12\nhistory_months = 6\n", file: "p.toml"))
        }
    }
}
