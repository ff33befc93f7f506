import Foundation
import FundWatchTestSupport
import FundWatchZip
import Testing

@Suite("Zip archives read under limits")
struct ZipArchiveTests {
    static var fixtures: String { Bundle.module.resourceURL!.appendingPathComponent("Fixtures").path }

    /// Every entry's bytes, by name.
    static func contents(_ archive: ZipArchive) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for entry in archive.entries where !entry.isDirectory { out[entry.name] = try archive.contents(of: entry, limit: 1 << 20) }
        return out
    }

    @Test("an archive Python's zipfile wrote reads the same: names, sizes, CRCs and bytes, from disk and from memory")
    func pythonMade() throws {
        struct Expected: Decodable {
            var name: String
            var size: UInt64
            var crc: UInt32
        }
        let expected = try JSONDecoder().decode([Expected].self, from: Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/python-made.json")))
        let path = Self.fixtures + "/python-made.zip"
        let archive = try ZipArchive(path: path)
        #expect(archive.entries.map(\.name) == expected.map(\.name))
        #expect(archive.entries.map(\.uncompressedSize) == expected.map(\.size))
        #expect(archive.entries.first?.isDirectory == true)
        let fromDisk = try Self.contents(archive)
        #expect(fromDisk.count == 5)
        #expect(fromDisk["说明.txt"].map { String(decoding: $0, as: UTF8.self) } == "示例区 2026年3月\n")
        let memory = try ZipArchive(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), name: "upload.zip")
        #expect(try Self.contents(memory) == fromDisk)
        #expect(memory.displayName == "upload.zip")
    }

    @Test("a deflate stream cut short (a stored block claiming more than the entry holds) is an error at once, not a hang")
    func truncatedDeflate() throws {
        let started = ContinuousClock.now
        let archive = try ZipArchive(path: SharedFixtures.truncatedZip)
        let last = try #require(archive.entries.last)
        #expect(last.name == "990101-2026-03/cases.csv")
        let error = #expect(throws: ZipError.self) { try archive.read(last) { _ in } }
        guard case .corrupt(let name, let detail) = error else {
            Issue.record("expected .corrupt, got \(String(describing: error))")
            return
        }
        #expect(name == last.name)
        #expect(detail.contains("cut short"))
        // The other entries are intact.
        #expect(try archive.contents(of: archive.entries[0], limit: 1 << 20).count == Int(archive.entries[0].uncompressedSize))
        #expect(ContinuousClock.now - started < .seconds(5), "a hang guard: reading a 1 KB archive takes milliseconds")
    }

    @Test("an entry that inflates beyond its declared size, or fails its CRC, is corrupt")
    func sizeAndCRC() throws {
        for name in ["understated-size.zip", "bad-crc.zip"] {
            let archive = try ZipArchive(path: Self.fixtures + "/" + name)
            let error = #expect(throws: ZipError.self, "\(name)") { try archive.read(archive.entries[0]) { _ in } }
            if case .corrupt = error {} else { Issue.record("\(name): expected .corrupt, got \(String(describing: error))") }
        }
    }

    @Test(
        "entries that leave their folder, links, duplicates and encrypted entries are refused when the archive opens",
        arguments: [
            ("symlink.zip", "a symbolic link"), ("absolute.zip", "absolute path"), ("parent.zip", "`..` in the path"),
            ("duplicate.zip", "the name appears twice"),
        ])
    func unsafeEntries(file: String, reason: String) throws {
        let error = #expect(throws: ZipError.self) { _ = try ZipArchive(path: Self.fixtures + "/" + file) }
        guard case .unsafeEntry(_, let why) = error else {
            Issue.record("expected .unsafeEntry, got \(String(describing: error))")
            return
        }
        #expect(why == reason)
    }

    @Test("an encrypted entry is refused")
    func encrypted() {
        #expect(throws: ZipError.encrypted(name: "a.csv")) { _ = try ZipArchive(path: Self.fixtures + "/encrypted.zip") }
    }

    @Test("bytes that are not a zip are refused, on disk and in memory")
    func notAZip() {
        #expect(throws: ZipError.self) { _ = try ZipArchive(path: Self.fixtures + "/not-a-zip.zip") }
        #expect(throws: ZipError.self) { _ = try ZipArchive(bytes: Array("<submission/>".utf8), name: "x.zip") }
        #expect(throws: ZipError.self) { _ = try ZipArchive(bytes: [UInt8](), name: "empty.zip") }
    }

    @Test("a zip bomb (an entry inflating over 100 times its size) is refused before it inflates")
    func ratio() throws {
        let path = Scratch.root + "/bomb-\(UUID().uuidString).zip"
        try ZipWriter.write([("zeros.csv", [UInt8](repeating: 0x30, count: 4 << 20))], to: path)
        let error = #expect(throws: ZipError.self) { _ = try ZipArchive(path: path) }
        #expect(error == .ratioExceeded(name: "zeros.csv"))
        // Small entries compress well too: below 100 KiB the ratio is not checked.
        try ZipWriter.write([("zeros.csv", [UInt8](repeating: 0x30, count: 50_000))], to: path)
        #expect(try ZipArchive(path: path).entries.count == 1)
    }

    @Test("more than 1,000 entries are refused")
    func tooManyEntries() throws {
        let path = Scratch.root + "/many-\(UUID().uuidString).zip"
        try ZipWriter.write((0...1_000).map { ("f\($0).csv", [UInt8(ascii: "x")]) }, to: path)
        #expect(throws: ZipError.tooManyEntries(1_001)) { _ = try ZipArchive(path: path) }
        try ZipWriter.write((0..<1_000).map { ("f\($0).csv", [UInt8(ascii: "x")]) }, to: path)
        #expect(try ZipArchive(path: path).entries.count == 1_000)
    }

    @Test("the total inflated size of one archive is bounded")
    func totalBudget() throws {
        let path = Scratch.root + "/total-\(UUID().uuidString).zip"
        let text = (0..<20_000).map { "line \($0) of a register\n" }.joined()
        try ZipWriter.write([("a.csv", Array(text.utf8)), ("b.csv", Array(text.utf8))], to: path)
        var limits = ZipLimits()
        limits.maxTotalBytes = UInt64(text.utf8.count) + 10
        let archive = try ZipArchive(path: path, limits: limits)
        _ = try archive.contents(of: archive.entries[0], limit: 1 << 22)
        #expect(throws: ZipError.tooLarge) { _ = try archive.contents(of: archive.entries[1], limit: 1 << 22) }
    }

    @Test("the writer is deterministic and Python's zipfile reads what it writes")
    func writer() throws {
        let a = Scratch.root + "/w-\(UUID().uuidString).zip", b = Scratch.root + "/w-\(UUID().uuidString).zip"
        let files: [(name: String, bytes: [UInt8])] = [("d/submission.csv", Array("field,value\r\n".utf8)), ("d/空.csv", [])]
        try ZipWriter.write(files, to: a)
        try ZipWriter.write(files, to: b)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = [
            "python3", "-c",
            "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; "
                + "print('|'.join(f'{i.filename}:{i.file_size}' for i in z.infolist()))", a,
        ]
        let out = Pipe()
        python.standardOutput = out
        try python.run()
        let listing = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        #expect(listing == "d/submission.csv:13|d/空.csv:0\n")
        #expect(throws: ZipWriter.Failure.self) { try ZipWriter.write([("../x", [])], to: a) }
    }
}
