import Foundation
import FundWatchCore
import FundWatchDraw
import FundWatchPipeline
import FundWatchReports
import FundWatchTestSupport
import Testing

/// The draw from returns and lists, its documents, `--verify`, and the lists' errors.
@Suite("The draw through the pipeline")
struct DrawPipelineTests {
    let pipeline: Pipeline
    let folder: String

    init() throws {
        pipeline = try Pipeline()
        folder = Scratch.root + "/draw-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    static let inspectors = """
        inspector_id,name,county_code,unit,qualified
        C1,甲,990100,市局基金监管科,true
        C2,乙,990100,市局基金监管科,true
        C3,丙,990100,市医保中心,是
        C4,丁,990100,市医保中心,1
        C5,戊,990101,示例区医保局,true

        """

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    var parameters: DrawParameters { DrawParameters(period: YearMonth(year: 2026, month: 3)!, seed: "2026-03-02 福彩 123") }

    func plan(_ files: DrawFiles, into out: String) async throws -> [String] {
        try await pipeline.draw(.paths([Upload.csvFolder]), parameters: parameters, files: files, into: FolderSink(directory: out))
    }

    @Test(
        "the example county's designated institutions are drawn, staffed from the city, and the plan verifies; a changed lot, input row or seed does not"
    )
    func verify() async throws {
        let files = DrawFiles(inspectors: try write("inspectors.csv", Self.inspectors))
        let out = folder + "/plan"
        let written = try await plan(files, into: out)
        #expect(written.map { ($0 as NSString).lastPathComponent } == DrawWriter.planFiles)
        let list = try String(contentsOfFile: out + "/draw-list.csv", encoding: .utf8)
        // Four designated institutions (the terminated one is not), one per category: four strata of one.
        #expect(list.components(separatedBy: "\r\n").filter { $0.contains(",990101,示例区,") }.count == 4)
        #expect(!list.contains("P99010100002"), "a terminated agreement is not a target")
        #expect(!list.contains("(C5)"), "never an inspector of the target's own county")
        let publicList = try String(contentsOfFile: out + "/draw-public.html", encoding: .utf8)
        #expect(!publicList.contains("市局基金监管科") && !publicList.contains(">甲<"), "the public list names no inspector")
        #expect(try await pipeline.verifyDraw(.paths([Upload.csvFolder]), folder: out, files: files) == nil)

        // The same inputs again: the same bytes.
        let again = folder + "/again"
        _ = try await plan(files, into: again)
        for name in DrawWriter.planFiles {
            #expect(FileManager.default.contents(atPath: out + "/" + name) == FileManager.default.contents(atPath: again + "/" + name), "\(name)")
        }

        // One lot changed in the public CSV.
        let csvPath = again + "/draw-public.csv"
        var text = try String(contentsOfFile: csvPath, encoding: .utf8)
        text = text.replacingOccurrences(of: "H99010100001", with: "H99010100009")
        try text.write(toFile: csvPath, atomically: true, encoding: .utf8)
        let lot = try await pipeline.verifyDraw(.paths([Upload.csvFolder]), folder: again, files: files)
        #expect(lot?.contains("draw-public.csv line") == true, "\(lot ?? "")")

        // One input row changed.
        let changed = DrawFiles(inspectors: try write("inspectors2.csv", Self.inspectors.replacingOccurrences(of: "C4,丁", with: "C4,丁丁")))
        let row = try await pipeline.verifyDraw(.paths([Upload.csvFolder]), folder: out, files: changed)
        #expect(row?.hasPrefix("the inspectors digest differs") == true)

        // The seed changed in the plan.
        let seeded = folder + "/seeded"
        _ = try await plan(files, into: seeded)
        let xml = try String(contentsOfFile: seeded + "/draw-plan.xml", encoding: .utf8).replacingOccurrences(of: "福彩 123", with: "福彩 124")
        try xml.write(toFile: seeded + "/draw-plan.xml", atomically: true, encoding: .utf8)
        let seed = try await pipeline.verifyDraw(.paths([Upload.csvFolder]), folder: seeded, files: files)
        // The first file compared is the plan's page, which prints the seed.
        #expect(seed?.hasPrefix("draw-plan.html line") == true && seed?.contains("福彩 124") == true, "\(seed ?? "")")
    }

    @Test("results of the plan in a folder: pending within the window, overdue after it; the February 双随机 visit is outside the window")
    func results() async throws {
        let files = DrawFiles(inspectors: try write("inspectors.csv", Self.inspectors))
        let out = folder + "/plan"
        _ = try await plan(files, into: out)
        let written = try await pipeline.drawResults(
            .paths([Upload.csvFolder]), planFolder: out, to: YearMonth(year: 2026, month: 3)!,
            into: FolderSink(directory: folder + "/results"))
        #expect(written.map { ($0 as NSString).lastPathComponent } == ["draw-results.html", "draw-results.csv", "draw-results.xlsx"])
        let csv = try String(contentsOfFile: folder + "/results/draw-results.csv", encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n").filter { $0.contains(",示例区,") }
        #expect(rows.count == 4 && rows.allSatisfy { $0.contains(",待检查,") }, "\(rows)")
        #expect(!csv.contains("名单外"), "the random inspection of 2026-02-20 is before the plan's window")
        let plan = try await pipeline.makeDraw(.paths([Upload.csvFolder]), parameters: parameters, files: files)
        let may = try await pipeline.drawResults(.paths([Upload.csvFolder]), plan: plan, to: YearMonth(year: 2026, month: 5)!)
        #expect(may.results.count == 4 && may.results.allSatisfy { $0.status == .overdue })
        #expect(may.counties.map { [$0.drawn, $0.inspected, $0.final] } == [[4, 0, 0]])
        #expect(
            pipeline.templates.unansweredNames.isEmpty, "every name of the draw templates is in their view: \(pipeline.templates.unansweredNames)")
    }

    @Test("list errors name the file, line and rule: a duplicate inspector, an unknown county, a bad flag, a risk class of an unknown institution")
    func listErrors() async throws {
        let bad = try write("bad.csv", Self.inspectors + "C1,己,990199,某单位,maybe\n")
        let risk = try write("risk.csv", "institution_code,risk_class\nH99010100001,D\nH00000000000,A\nH99010100002,E\n")
        do {
            _ = try await pipeline.drawInputs(
                .paths([Upload.csvFolder]), period: YearMonth(year: 2026, month: 3)!, files: DrawFiles(inspectors: bad, risk: risk))
            Issue.record("bad lists were accepted")
        } catch {
            guard case .invalidList(let findings) = error else {
                Issue.record("\(error)")
                return
            }
            let seen = findings.map { "\($0.rule)@\($0.line ?? 0)" }
            for expected in ["list.duplicate@7", "list.county_code@7", "list.qualified@7", "list.institution_code@3", "list.risk_class@4"] {
                #expect(seen.contains(expected), "\(expected) in \(seen)")
            }
        }
    }

    @Test("too few inspectors to staff every target is a clear error")
    func tooFewInspectors() async throws {
        let files = DrawFiles(
            inspectors: try write("few.csv", "inspector_id,name,county_code,unit,qualified\nC1,甲,990100,市局,true\nC5,戊,990101,区局,true\n"))
        await #expect {
            _ = try await plan(files, into: folder + "/few")
        } throws: { error in
            guard case PipelineError.badRequest(let text) = error else { return false }
            return text.contains("检查人员不足") && text.contains("too few inspectors") && text.contains("outside county 990101")
        }
    }
}
