import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchTestSupport
import Testing

@Suite("Files, encodings, limits and containers")
struct ReaderLimitTests {
    @Test("a field longer than 1 MiB is an error naming the line")
    func fieldTooLong() throws {
        let workspace = try Workspace()
        let folder = try workspace.exampleCSV()
        try Workspace.edit(folder + "/cases.csv", line: 4, "挂床住院3人次", String(repeating: "x", count: 1_048_577))
        expectFinding(try readOne(folder), rule: "csv.field_too_long", file: "cases.csv", line: 4)
    }

    @Test("a field of exactly 1 MiB is accepted")
    func fieldAtLimit() throws {
        let workspace = try Workspace()
        let folder = try workspace.exampleCSV()
        try Workspace.edit(folder + "/cases.csv", line: 4, "挂床住院3人次", String(repeating: "x", count: 1_048_576))
        #expect(try readOne(folder).isAccepted)
    }

    @Test("a submission larger than the size limit is refused while reading")
    func tooLarge() throws {
        var limits = ReadLimits()
        limits.maxSubmissionBytes = 1_000
        let loaded = try readOne(Workspace.exampleCSV, limits: limits)
        expectFinding(loaded, rule: "input.too_large", file: ".csv", line: nil)
        let xml = try readOne(Workspace.exampleXML, limits: limits)
        expectFinding(xml, rule: "input.too_large", file: ".xml", line: nil)
    }

    @Test("invalid UTF-8 bytes are an error naming the line")
    func invalidUTF8() throws {
        let workspace = try Workspace()
        let folder = try workspace.exampleCSV()
        let file = folder + "/institutions.csv"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        // Line 4 starts after the third LF; break a character there.
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        let start = lineStarts[3]
        let nonASCII = try #require(bytes[start...].firstIndex { $0 >= 0x80 })
        bytes[nonASCII + 1] = 0x41  // cut a multi-byte character short
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        expectFinding(try readOne(folder), rule: "encoding.invalid", file: "institutions.csv", line: 4)
    }

    @Test("bytes valid in neither UTF-8 nor GB18030 are an error")
    func invalidEverywhere() throws {
        let workspace = try Workspace()
        let folder = try workspace.exampleCSV()
        let file = folder + "/institutions.csv"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        bytes.insert(contentsOf: [0xFF, 0xFE], at: try #require(bytes.firstIndex(of: 0x0A)) + 14)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        expectFinding(try readOne(folder), rule: "encoding.invalid", file: "institutions.csv", line: 2)
    }

    @Test("GBK text read as such keeps its characters")
    func gbkText() throws {
        let s = try #require(try readOne(Workspace.fixtures + "/gbk").submission)
        #expect(s.institutions.map(\.name) == ["示例区人民医院", "示例康复医院", "城南社区卫生服务中心", "百姓大药房(城南店)", "康宁药店, 东街"])
    }

    @Test("a missing register file is an error naming it")
    func missingFile() throws {
        let workspace = try Workspace()
        let folder = try workspace.exampleCSV()
        try FileManager.default.removeItem(atPath: folder + "/cases.csv")
        expectFinding(try readOne(folder), rule: "input.file_missing", file: "cases.csv", line: nil)
    }

    @Test("an empty register file is an error")
    func emptyFile() throws {
        let workspace = try Workspace()
        let folder = try workspace.exampleCSV()
        try "".write(toFile: folder + "/inspections.csv", atomically: false, encoding: .utf8)
        expectFinding(try readOne(folder), rule: "csv.empty", file: "inspections.csv", line: 1)
    }

    @Test("a register with a header and no rows is valid")
    func headerOnly() throws {
        let workspace = try Workspace()
        let folder = try workspace.exampleCSV()
        try "institution_code,inspected_on,method,problems_found\r\n".write(toFile: folder + "/inspections.csv", atomically: false, encoding: .utf8)
        let s = try #require(try readOne(folder).submission)
        #expect(s.inspections.isEmpty)
    }

    @Test("a zip entry leaving its folder is refused")
    func unsafeZip() throws {
        let set = ReadBatch(paths: [Workspace.fixtures + "/unsafe-path.zip"])
        #expect(set.outcomes.isEmpty)
        #expect(set.inputFindings.map(\.rule) == ["zip.unsafe_path"])
        #expect(set.inputFindings.first?.file.hasSuffix("!/../escape.csv") == true)
    }

    @Test("a file that is not a zip is refused")
    func notAZip() throws {
        let set = ReadBatch(paths: [Workspace.fixtures + "/not-a-zip.zip"])
        #expect(set.inputFindings.map(\.rule) == ["zip.invalid"])
        #expect(set.hasErrors)
    }

    @Test("a path that holds no submission is an error")
    func notFound() throws {
        let set = ReadBatch(paths: ["/nonexistent/fundwatch"])
        #expect(set.inputFindings.map(\.rule) == ["input.not_found"])
    }

    @Test("a folder of submissions is searched, in name order")
    func folderOfSubmissions() throws {
        let workspace = try Workspace()
        _ = try workspace.exampleCSV("b-csv")
        _ = try workspace.exampleXML("a.xml")
        _ = try workspace.copy(Workspace.fixtures + "/example-csv.zip", as: "c.zip")
        let set = ReadBatch(paths: [workspace.root])
        #expect(
            set.outcomes.map { URL(fileURLWithPath: $0.source.displayName.components(separatedBy: "!/")[0]).lastPathComponent }
                == ["a.xml", "b-csv", "c.zip"])
        #expect(!set.hasErrors)
        #expect(Set(set.versions.map(\.digest)).count == 1)
    }
}
