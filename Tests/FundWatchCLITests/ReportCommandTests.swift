import Foundation
import FundWatchTestSupport
import Testing

@Suite("fundwatch report")
struct ReportCommandTests {
    static func outDir() -> String { Scratch.root + "/fundwatch-out-" + UUID().uuidString }

    @Test("writes the nine files; two runs are byte-identical")
    func eightFiles() throws {
        let a = Self.outDir(), b = Self.outDir()
        let r1 = try CLI.run(["report", "--from", "2026-01", "--to", "2026-03", "--out", a, CLI.exampleXML])
        let r2 = try CLI.run(["report", "--from", "2026-01", "--to", "2026-03", "--out", b, CLI.exampleCSV])
        #expect(r1.status == 0, "\(r1.stderr)")
        #expect(r2.status == 0, "\(r2.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: a).sorted()
        #expect(
            names == [
                "report.html", "report.xml", "table1.csv", "table2.csv", "table3.csv", "table4.csv", "table5.csv", "table6.csv", "table7.csv",
            ])
        for name in names {
            // XML and CSV encodings of the same registers give the same report, byte for byte.
            #expect(FileManager.default.contents(atPath: a + "/" + name) == FileManager.default.contents(atPath: b + "/" + name), "\(name)")
        }
    }

    @Test("--format chooses the files")
    func formats() throws {
        let out = Self.outDir()
        let r = try CLI.run(["report", "--to", "2026-03", "--format", "csv", "--out", out, CLI.exampleXML])
        #expect(r.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == (1...7).map { "table\($0).csv" })
        #expect(try CLI.run(["report", "--to", "2026-03", "--format", "pdf", "--out", out, CLI.exampleXML]).status != 0)
    }

    @Test("invalid input writes nothing and exits 1")
    func invalid() throws {
        let copy = try CLI.tempCopy(CLI.exampleXML)
        let text = try String(contentsOfFile: copy, encoding: .utf8).replacingOccurrences(
            of: "<county_code>990101</county_code>", with: "<county_code>99-101</county_code>")
        try text.write(toFile: copy, atomically: false, encoding: .utf8)
        let out = Self.outDir()
        let r = try CLI.run(["report", "--to", "2026-03", "--out", out, copy])
        #expect(r.status == 1)
        #expect(r.stderr.contains("header.county_code.format"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("a missing template folder is an error naming it")
    func badTemplates() throws {
        let r = try CLI.run(["report", "--to", "2026-03", "--templates", "/nonexistent/templates", "--out", Self.outDir(), CLI.exampleXML])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/templates"))
    }

    @Test("a bureau's template asking for a name no report value has is written, with a note naming it; the built-in ones give no note")
    func misspeltTemplateName() throws {
        // The repository's copy of the built-in templates, edited as a bureau would.
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("report-templates").path
        let folder = Self.outDir() + "-templates"
        try FileManager.default.copyItem(atPath: shipped, toPath: folder)
        let page = folder + "/report.html.mustache"
        try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(of: "{{windowText}}", with: "{{windowTxt}}")
            .write(toFile: page, atomically: true, encoding: .utf8)
        let edited = try CLI.run(["report", "--to", "2026-03", "--templates", folder, "--out", Self.outDir(), CLI.exampleXML])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stderr.contains("模板中以下名称在文档数据中不存在") && edited.stderr.contains("report.html: windowTxt"), "\(edited.stderr)")
        let plain = try CLI.run(["report", "--to", "2026-03", "--templates", shipped, "--out", Self.outDir(), CLI.exampleXML])
        #expect(plain.status == 0 && !plain.stderr.contains("模板"), "\(plain.stderr)")
    }

    @Test("the reporter appears in no report file")
    func noReporter() throws {
        let out = Self.outDir()
        #expect(try CLI.run(["report", "--to", "2026-03", "--out", out, CLI.exampleXML]).status == 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: out) {
            let text = String(decoding: FileManager.default.contents(atPath: out + "/" + name) ?? Data(), as: UTF8.self)
            #expect(!text.contains("张某某") && !text.contains("13800000000"), "\(name)")
        }
    }
}
