import Foundation
import FundWatchCore
import FundWatchPipeline
import FundWatchReports
import FundWatchSampleData
import FundWatchTestSupport
import Testing

/// `revisions`: figures of earlier months that later returns restated.
@Suite("Revisions")
struct RevisionsTests {
    /// The first three months of 2026 of one generated county, as XML files; April's return
    /// adds a case opened in February (a back-dated correction) worth 123,456.78 yuan.
    static func returns(backdated: Bool) throws -> [String] {
        let folder = Scratch.root + "/revisions-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        for r in SampleCity.standard(seed: 4711).returns() where r.submission.header.countyCode == "990204" && r.version == 1 {
            var s = r.submission
            guard s.header.period.year == 2026, s.header.period.month <= 4 else { continue }
            if backdated, s.header.period.month == 4, var late = s.cases.first {
                late.caseID = "LATE-1"
                late.openedOn = Day(year: 2026, month: 2, day: 20)!
                late.closedOn = nil
                late.actions = []
                late.suspensionMonths = nil
                late.policeTransferOn = nil
                late.disciplineTransferOn = nil
                late.amountInvolved = Money(fen: 12_345_678)
                late.amountRefused = .zero
                late.amountRecovered = .zero
                late.damages = .zero
                late.fine = .zero
                late.voluntaryRefund = .zero
                late.exposedOn = nil
                late.noticeSubmittedOn = nil
                late.rewardPaid = .zero
                late.source = .method(.routine)
                s.cases.append(late)
            }
            let path = folder + "/\(s.header.countyCode)-\(s.header.period).xml"
            try SubmissionXMLWriter().write(s, to: path)
            paths.append(path)
        }
        return paths
    }

    @Test("a case opened in February added by April's return restates February's amount involved and cases: reported, now and source period 2026-04")
    func backdatedCorrection() async throws {
        let pipeline = try Pipeline()
        let april = YearMonth(year: 2026, month: 4)!
        let plain = try await pipeline.revisions(.paths(try Self.returns(backdated: false)), to: april)
        let corrected = try await pipeline.revisions(.paths(try Self.returns(backdated: true)), to: april)
        let february = YearMonth(year: 2026, month: 2)!
        let before = plain.first { $0.month == february && $0.metric == .amountInvolved }
        let after = try #require(corrected.first { $0.month == february && $0.metric == .amountInvolved })
        #expect(before == nil, "nothing restated February's amount before the correction")
        #expect(after.sourcePeriod == april)
        guard case .money(let reported) = after.reported, case .money(let now) = after.now else {
            Issue.record("amount_involved is money")
            return
        }
        #expect(now - reported == Money(fen: 12_345_678))
        #expect(corrected.contains { $0.month == february && $0.metric == .handledCases && $0.sourcePeriod == april })
        // The JSON as documented, money in yuan.
        let json = RevisionsJSON.document(corrected, to: april).serialized()
        #expect(json.contains("\"metric\": \"amount_involved\""))
        #expect(
            json.contains("\"reported\": \"\(reported.yuanString)\",\n      \"now\": \"\(now.yuanString)\",\n      \"source_period\": \"2026-04\""),
            "\(json)")
    }

    @Test("the report's note under table 1 names the restated county and months with how many figures, in every format; none without restatements")
    func reportNote() async throws {
        let pipeline = try Pipeline()
        let april = YearMonth(year: 2026, month: 4)!
        let paths = try Self.returns(backdated: true)
        let restated = try await pipeline.revisions(.paths(paths), to: april)
        let months = Array(Set(restated.map(\.month.month))).sorted().map(String.init).joined(separator: "、")
        let note = "数据修订:2026年往月表1数据在首次报送后被后来的报表修订:北岭县 \(months)月(\(restated.count) 项)。"
        #expect(months.contains("2"))
        let sink = MemorySink()
        _ = try await pipeline.report(.paths(paths), window: try Window(to: april), into: sink)
        for name in ["table1.csv", "report.html", "report.xml"] {
            #expect(String(decoding: sink.bytes(of: name) ?? [], as: UTF8.self).contains(note), "\(name)")
        }
        // A single month has nothing earlier to restate: no note.
        let only = MemorySink()
        _ = try await pipeline.report(.paths([paths[0]]), window: try Window(to: YearMonth(year: 2026, month: 1)!), into: only)
        #expect(!String(decoding: only.bytes(of: "table1.csv") ?? [], as: UTF8.self).contains("数据修订"))
    }

    @Test("a month's own return is the first report: a figure later restated twice names the first return that changed it")
    func firstRestatement() {
        func metrics(_ handled: Int) -> Metrics {
            var m = Metrics()
            m.handledCases = handled
            return m
        }
        let jan = YearMonth(year: 2026, month: 1)!, feb = jan.next, mar = feb.next, apr = mar.next
        let returns: [YearMonth: [YearMonth: Metrics]] = [
            jan: [jan: metrics(1)],
            feb: [jan: metrics(1), feb: metrics(2)],
            mar: [jan: metrics(3), feb: metrics(2), mar: metrics(5)],
            apr: [jan: metrics(4), feb: metrics(2), mar: metrics(5), apr: metrics(0)],
        ]
        let found = Revision.find(countyCode: "990204", countyName: "北岭县", returns: returns)
        #expect(
            found.map { "\($0.month) \($0.metric.name) \($0.reported.display)→\($0.now.display) \($0.sourcePeriod)" } == [
                "2026-01 handled_cases 1→4 2026-03"
            ])
        // Without February's own return, February has nothing first reported.
        var gap = returns
        gap[feb] = nil
        gap[apr]![feb] = metrics(7)
        #expect(Revision.find(countyCode: "990204", countyName: "北岭县", returns: gap).map(\.month) == [jan])
    }
}
