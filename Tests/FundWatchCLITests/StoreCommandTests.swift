import Foundation
import FundWatchTestSupport
import Testing

/// `import`, `history` and `--db`, against SQLite and (when provided) PostgreSQL.
@Suite("fundwatch import, history, --db", .serialized)
struct StoreCommandTests {
    /// SQLite always; PostgreSQL when FUNDWATCH_TEST_POSTGRES_URL is set.
    static var databases: [String] {
        var out = ["sqlite"]
        if TestPostgres.baseURL != nil { out.append("postgres") }
        return out
    }

    /// A new empty store URL of that kind (a fresh SQLite file or PostgreSQL database).
    static func freshStore(_ kind: String) throws -> String {
        if kind == "sqlite" { return Scratch.root + "/fw-cli-\(UUID().uuidString).sqlite" }
        return try TestPostgres.freshDatabase()
    }

    static func files(in folder: String) throws -> [String: Data] {
        Dictionary(
            uniqueKeysWithValues: try FileManager.default.contentsOfDirectory(atPath: folder).map {
                ($0, FileManager.default.contents(atPath: folder + "/" + $0) ?? Data())
            })
    }

    @Test(
        "samples twice: everything unchanged; one changed case: one new version; reports from the store equal reports from the files",
        arguments: databases)
    func samples(kind: String) throws {
        let db = try Self.freshStore(kind)
        let samples = CLI.sampleCity
        let first = try CLI.run(["import", "--db", db, samples])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("total: 70 new, 1 new version, 0 unchanged, 0 rejected"))
        let second = try CLI.run(["import", "--db", db, samples])
        #expect(second.stdout.contains("total: 0 new, 0 new version, 71 unchanged, 0 rejected"))

        // Change one case of one return and import it again.
        let copy = try CLI.tempCopy(samples + "/990203-南河县/990203-2026-10.xml")
        let text = try String(contentsOfFile: copy, encoding: .utf8)
        var changed = text
        changed.replaceSubrange(try #require(changed.range(of: "<facts>")), with: "<facts>更正:")
        #expect(changed != text)
        try changed.write(toFile: copy, atomically: false, encoding: .utf8)
        let third = try CLI.run(["import", "--db", db, copy])
        #expect(third.stdout.contains("total: 0 new, 1 new version, 0 unchanged, 0 rejected"), "\(third.stdout)")
        let history = try CLI.run(["history", "--db", db, "990203", "2026-10"])
        #expect(history.stdout.hasPrefix("2 version(s)"))

        // Reports and metrics from the store equal those from the files, byte for byte.
        let fromFiles = Scratch.root + "/fw-files-" + UUID().uuidString
        let fromStore = Scratch.root + "/fw-store-" + UUID().uuidString
        let dbOnly = try Self.freshStore(kind)
        #expect(try CLI.run(["import", "--db", dbOnly, samples]).status == 0)
        #expect(try CLI.run(["report", "--to", "2026-10", "--out", fromFiles, samples]).status == 0)
        #expect(try CLI.run(["report", "--to", "2026-10", "--db", dbOnly, "--out", fromStore]).status == 0)
        let a = try Self.files(in: fromFiles), b = try Self.files(in: fromStore)
        #expect(a.count == 9)
        for (name, bytes) in a { #expect(b[name] == bytes, "\(name) differs between files and \(kind)") }
        for window in [["--to", "2026-10"], ["--from", "2026-01", "--to", "2026-06"]] {
            let m1 = try CLI.run(["metrics", "--json"] + window + [samples])
            let m2 = try CLI.run(["metrics", "--json", "--db", dbOnly] + window)
            #expect(m1.status == 0 && m2.status == 0)
            #expect(m1.stdout == m2.stdout)
        }
        let n1 = try CLI.run(["notices", "--format", "json", samples])
        let n2 = try CLI.run(["notices", "--format", "json", "--db", dbOnly])
        #expect(n1.stdout == n2.stdout && n1.status == n2.status)
    }

    @Test("a rejected submission changes nothing and exits 1", arguments: databases)
    func rejected(kind: String) throws {
        let db = try Self.freshStore(kind)
        let copy = try CLI.tempCopy(CLI.exampleXML)
        let text = try String(contentsOfFile: copy, encoding: .utf8).replacingOccurrences(
            of: "<method>routine</method>", with: "<method>patrol</method>")
        try text.write(toFile: copy, atomically: false, encoding: .utf8)
        let r = try CLI.run(["import", "--db", db, copy, CLI.exampleCSV])
        #expect(r.status == 1)
        #expect(r.stdout.contains("rejected"))
        #expect(r.stdout.contains("total: 1 new, 0 new version, 0 unchanged, 1 rejected"))
        #expect(r.stderr.contains("inspections.method.format"))
        #expect(!r.stderr.contains("张某某") && !r.stdout.contains("张某某"))
        let history = try CLI.run(["history", "--db", db])
        #expect(history.stdout.hasPrefix("1 version(s)"))
    }

    @Test("import stores an older version from history, saying it is not current; reports keep the later one")
    func olderVersionNotCurrent() throws {
        let db = try Self.freshStore("sqlite")
        #expect(try CLI.run(["import", "--db", db, CLI.exampleXML]).status == 0)  // 报送日期 2026-04-03
        let older = try CLI.tempCopy(CLI.exampleXML)
        let text = try String(contentsOfFile: older, encoding: .utf8)
            .replacingOccurrences(of: "<submitted_on>2026-04-03</submitted_on>", with: "<submitted_on>2026-04-01</submitted_on>")
            .replacingOccurrences(of: "<prepared_by>王晓</prepared_by>", with: "<prepared_by>王晓(旧)</prepared_by>")
        try text.write(toFile: older, atomically: false, encoding: .utf8)
        let r = try CLI.run(["import", "--db", db, older])
        #expect(r.status == 0 && r.stdout.contains("new version"))
        #expect(r.stdout.contains("非当前版本") && r.stdout.contains("not current: a version submitted 2026-04-03 is stored"), "\(r.stdout)")
        let metrics = try CLI.run(["metrics", "--db", db, "--to", "2026-03", "--json"])
        #expect(metrics.stdout.contains(#""submitted_on": "2026-04-03""#))
    }

    @Test("--dry-run writes nothing")
    func dryRun() throws {
        let db = try Self.freshStore("sqlite")
        let r = try CLI.run(["import", "--dry-run", "--db", db, CLI.exampleXML])
        #expect(r.status == 0)
        #expect(r.stdout.contains("dry run, nothing written — total: 1 new"))
        #expect(try CLI.run(["history", "--db", db]).stdout.hasPrefix("0 version(s)"))
    }

    @Test("two imports in two processes at once, same county and different counties: all land", arguments: databases)
    func twoProcesses(kind: String) throws {
        let db = try Self.freshStore(kind)
        let samples = CLI.sampleCity
        let errors = Scratch.root + "/fw-two-\(UUID().uuidString)"
        func start(_ paths: [String], _ n: Int) throws -> (Process, Pipe) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: try CLI.executable)
            p.arguments = ["import", "--db", db] + paths
            let out = Pipe()
            p.standardOutput = out
            _ = FileManager.default.createFile(atPath: errors + "-\(n)", contents: nil)
            p.standardError = FileHandle(forWritingAtPath: errors + "-\(n)")
            try p.run()
            return (p, out)
        }
        defer { for n in 1...2 { try? FileManager.default.removeItem(atPath: errors + "-\(n)") } }
        // Both processes import 南河县 and 白沙县; each also imports a county of its own.
        let shared = [samples + "/990203-南河县", samples + "/990206-白沙县"]
        let (p1, o1) = try start(shared + [samples + "/990201-东湖区"], 1)
        let (p2, o2) = try start([samples + "/990202-西山区"] + shared, 2)
        let out1 = String(decoding: o1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let out2 = String(decoding: o2.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p1.waitUntilExit()
        p2.waitUntilExit()
        // What either process said that is not a warning (an error, a store message, a crash).
        let problems = (1...2).map { (try? String(contentsOfFile: errors + "-\($0)", encoding: .utf8)) ?? "" }
            .joined(separator: "\n").split(separator: "\n").filter { !$0.contains(" warning ") && !$0.contains("more warning(s)") }.suffix(30)
        #expect(
            p1.terminationStatus == 0 && p2.terminationStatus == 0,
            "exit \(p1.terminationStatus), \(p2.terminationStatus)\n\(problems.joined(separator: "\n"))\n\(out1)\n\(out2)")
        let history = try CLI.run(["history", "--db", db])
        // 12 + 13 + 12 + 12 versions, each exactly once.
        #expect(history.stdout.hasPrefix("49 version(s)"), "\(history.stdout.prefix(200))")
        let news = (out1 + out2).components(separatedBy: "\n").filter { $0.hasPrefix("new") }.count
        let unchanged = (out1 + out2).components(separatedBy: "\n").filter { $0.hasPrefix("unchanged") }.count
        #expect(news == 49)
        #expect(unchanged == 24)
    }
}
