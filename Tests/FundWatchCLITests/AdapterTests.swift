import Foundation
import FundWatchTestSupport
import Testing

/// The command line as a thin adapter: what it prints around the pipeline, and hostile input.
@Suite("fundwatch as an adapter over the pipeline")
struct AdapterTests {
    /// A copy of the example's CSV folder whose cases.csv holds `rows` plain cases, each
    /// changed by `edit(fields, number)` (fields in the header's order).
    static func exampleWithCases(_ rows: Int, edit: (inout [String], Int) -> Void) throws -> String {
        let folder = try CLI.tempCopy(CLI.exampleCSV)
        let path = folder + "/cases.csv"
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n")
        let template = [
            "", "H99010100001", "2026-03-05", "", "special", "duplicate_billing", "1000.00", "0", "0", "0", "0", "0",
            "", "", "", "", "", "false", "", "", "0", "专项检查", "重复收费", "追回", "《医疗保障基金使用监督管理条例》",
        ]
        #expect(template.count == lines[0].components(separatedBy: ",").count, "one value per column of the header")
        let made = (0..<rows).map { n -> String in
            var fields = template
            fields[0] = String(format: "2026-%03d", 100 + n)
            edit(&fields, n)
            return fields.joined(separator: ",")
        }
        try ([lines[0]] + made).joined(separator: "\r\n").appending("\r\n").write(toFile: path, atomically: false, encoding: .utf8)
        return folder
    }

    @Test("more than 64 KiB of findings on standard error do not hang the command or the test helper")
    func largeStandardError() throws {
        // Two submissions with 300 bad dates each: 200 findings kept per submission, ~100 KiB in all.
        let a = try Self.exampleWithCases(300) { fields, _ in fields[2] = "2026-13-45" }
        let b = try Self.exampleWithCases(300) { fields, _ in fields[2] = "2026-13-45" }
        let r = try CLI.run(["validate", a, b])
        #expect(r.status == 1)
        #expect(r.stderr.utf8.count > 65_536, "\(r.stderr.utf8.count) bytes")
        #expect(r.stderr.components(separatedBy: "cases.opened_on").count - 1 >= 400)
        #expect(r.stderr.contains("另有 100 条问题未列出"))
    }

    @Test("import prints a warning count per submission and the first three warnings; validate lists them all")
    func importWarnings() throws {
        // amount_recovered above amount_involved: a consistency warning per case.
        let folder = try Self.exampleWithCases(8) { fields, _ in fields[8] = "999999.00" }
        let db = Scratch.root + "/fw-warn-\(UUID().uuidString).sqlite"
        let r = try CLI.run(["import", "--db", db, folder])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(8 warning(s))"))
        #expect(r.stderr.components(separatedBy: "cases.amounts.consistency").count - 1 == 3)
        #expect(r.stderr.contains("… 5 more warning(s); fundwatch validate lists them all"))
        let all = try CLI.run(["validate", folder])
        #expect(all.status == 0)
        #expect(all.stderr.components(separatedBy: "cases.amounts.consistency").count - 1 == 8)
    }

    @Test("a zip whose last entry's deflate stream is cut short is refused in well under a second")
    func truncatedDeflate() throws {
        let started = Date()
        let r = try CLI.run(["validate", SharedFixtures.truncatedZip])
        let elapsed = Date().timeIntervalSince(started)
        #expect(r.status == 1)
        #expect(r.stderr.contains("zip.invalid"))
        #expect(r.stderr.contains("truncated-deflate.zip!/990101-2026-03/cases.csv"))
        // A hang guard, not a benchmark: the old reader never returned on this file.
        #expect(elapsed < 5, "took \(elapsed) s")
    }

    @Test("a store that cannot be opened is one error line and exit 1")
    func storeUnavailable() throws {
        let r = try CLI.run(["history", "--db", "/nonexistent/folder/store.sqlite"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: cannot open the SQLite store /nonexistent/folder/store.sqlite"))
    }
}
