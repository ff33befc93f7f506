import Foundation
import FundWatchCore
import Testing

@testable import FundWatchInput

/// The byte-level CSV tokenizer against an outside reference — Python's `csv` module read
/// every file of Fixtures/csv-corpus once (make-corpus.py) — and against itself fed in
/// chunks split at every byte.
@Suite("CSV tokenizer")
struct CSVTokenizerTests {
    struct Expected: Decodable {
        var encoding: String
        var records: [[String]]
    }

    static var corpus: String { Bundle.module.resourceURL!.appendingPathComponent("Fixtures/csv-corpus").path }

    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? [])
        .filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: corpus + "/\(name).csv")))
    }

    static func expected(_ name: String) throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: corpus + "/\(name).expected.json")))
    }

    /// Tokenizes `bytes` fed in the chunks `cuts` make; each record's fields as bytes.
    static func records(_ bytes: [UInt8], cuts: [Int] = []) throws -> [[[UInt8]]] {
        var tokenizer = CSVTokenizer(limits: .standard)
        var out: [[[UInt8]]] = []
        let collect: (borrowing CSVTokenizer.Record) throws -> Void = { record in
            out.append((0..<record.count).map { Array(record.field($0)) })
        }
        var start = 0
        try bytes.withUnsafeBufferPointer { whole in
            for cut in cuts + [bytes.count] where cut >= start {
                try tokenizer.feed(UnsafeBufferPointer(rebasing: whole[start..<cut]), emit: collect)
                start = cut
            }
        }
        try tokenizer.finish(emit: collect)
        return out
    }

    static func decode(_ field: [UInt8], _ encoding: String) -> String {
        encoding == "gb18030" ? String(data: Data(field), encoding: String.Encoding(rawValue: 0x8000_0632))! : String(decoding: field, as: UTF8.self)
    }

    @Test("the corpus is here")
    func corpusPresent() {
        #expect(Self.names.count >= 25)
    }

    @Test("reads every file of the corpus as Python's csv module does", arguments: names)
    func matchesPython(name: String) throws {
        let expected = try Self.expected(name)
        let records = try Self.records(try Self.bytes(name)).map { $0.map { Self.decode($0, expected.encoding) } }
        #expect(records == expected.records)
    }

    @Test(
        "gives the same records however the bytes are cut into chunks: at every byte, and one byte at a time",
        arguments: names)
    func chunked(name: String) throws {
        let bytes = try Self.bytes(name)
        let whole = try Self.records(bytes)
        #expect(try Self.records(bytes, cuts: Array(1..<max(1, bytes.count))) == whole, "one byte per chunk")
        // Two chunks, split at every position (a quote, CR/LF, or the middle of a multi-byte
        // character on either side); long files at a sample of positions.
        let positions = bytes.count <= 4_096 ? Array(0...bytes.count) : Array(stride(from: 0, through: bytes.count, by: 997))
        for cut in positions {
            #expect(try Self.records(bytes, cuts: [cut]) == whole, "split at byte \(cut)")
        }
    }

    @Test("an unclosed quote, and text after a closing quote, are csv.quote errors naming the line where the field starts")
    func quoteErrors() throws {
        for (text, line) in [("a,b\r\n1,\"open\r\nstill open", 2), ("a,b\r\n\"x\"y,2\r\n", 2), ("a\r\nb\"c\r\n", 2)] {
            for cut in 0...text.utf8.count {
                do {
                    _ = try Self.records(Array(text.utf8), cuts: [cut])
                    Issue.record("\(text.debugDescription) was accepted")
                } catch let failure as CSVTokenizer.Failure {
                    #expect(failure.rule == Rule.csvQuote)
                    #expect(failure.line == line, "\(text.debugDescription) split at \(cut)")
                }
            }
        }
    }

    @Test("a record's line is where it starts, counting line breaks inside quoted fields")
    func lines() throws {
        var tokenizer = CSVTokenizer(limits: .standard)
        var lines: [Int] = []
        let text = "a,b\r\n\"x\r\ny\",1\r\n\r\nz,2\r\n"
        try Array(text.utf8).withUnsafeBufferPointer { try tokenizer.feed($0) { lines.append($0.line) } }
        try tokenizer.finish { lines.append($0.line) }
        #expect(lines == [1, 2, 5])
    }
}
