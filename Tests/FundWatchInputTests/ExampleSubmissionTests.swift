import Foundation
import FundWatchCore
import FundWatchInput
import Testing

/// The worked example of the specification gives the figures of EXPECTED.md, from every encoding.
@Suite("Worked example")
struct ExampleSubmissionTests {
    static func metrics(_ path: String, from: Int, to: Int = 3) throws -> Metrics {
        let loaded = try readOne(path)
        #expect(loaded.findings.findings.isEmpty, "\(loaded.findings.findings.map(\.formatted))")
        let submission = try #require(loaded.submission)
        let window = try Window(from: YearMonth(year: 2026, month: from), to: YearMonth(year: 2026, month: to)!)
        return Metrics(submission: submission, window: window)
    }

    /// Q1 (2026-01 … 2026-03) of EXPECTED.md.
    static func expectQ1(_ m: Metrics) {
        #expect(m.designated == 4)
        #expect(m.inspected == 3)
        #expect(m.coverageRate.display == "75.0%")
        #expect(m.randomSampled == 1)
        #expect(m.randomRate.display == "25.0%")
        #expect(m.selfInspected == 1)
        #expect(m.handledCases == 4)
        #expect(m.handledInstitutions == 4)
        #expect(m.closedCases == 3)
        #expect(m.amountInvolved == Money(fen: 18_680_050))
        #expect(m.amountInvolved.wanString == "18.68")
        #expect(m.refusedRecovered == Money(fen: 13_860_050))
        #expect(m.refusedRecovered.wanString == "13.86")
        #expect(m.damagesFines == Money(fen: 1_172_000))
        #expect(m.damagesFines.wanString == "1.17")
        #expect(m.voluntaryRefund == Money(fen: 520_000))
        #expect(m.voluntaryRefund.wanString == "0.52")
        #expect(m.suspensions == 1)
        #expect(m.terminations == 0)
        #expect(m.policeTransfers == 1)
        #expect(m.disciplineTransfers == 0)
        #expect(m.exposures == 2)
        #expect(m.rewards == Money(fen: 50_000))
        #expect(m.rewards.wanString == "0.05")
    }

    /// March alone, as in EXPECTED.md.
    static func expectMarch(_ m: Metrics) {
        #expect(m.designated == 4)
        #expect(m.inspected == 2)
        #expect(m.coverageRate.display == "50.0%")
        #expect(m.randomSampled == 0)
        #expect(m.randomRate.display == "0.0%")
        #expect(m.selfInspected == 1)
        #expect(m.handledCases == 3)
        #expect(m.handledInstitutions == 3)
        #expect(m.closedCases == 2)
        #expect(m.amountInvolved.wanString == "17.82")
        #expect(m.refusedRecovered.wanString == "13.00")
        #expect(m.damagesFines.wanString == "1.00")
        #expect(m.voluntaryRefund.wanString == "0.52")
        #expect(m.suspensions == 1)
        #expect(m.terminations == 0)
        #expect(m.policeTransfers == 1)
        #expect(m.exposures == 1)
        #expect(m.rewards.wanString == "0.05")
    }

    static let encodings: [String] = ["xml", "csv", "gbk", "zip", "bom-lf"]

    static func path(for encoding: String, in workspace: Workspace) throws -> String {
        switch encoding {
        case "xml": return Workspace.exampleXML
        case "csv": return Workspace.exampleCSV
        case "gbk": return Workspace.fixtures + "/gbk"
        case "zip": return Workspace.fixtures + "/example-csv.zip"
        default:
            // UTF-8 with a BOM, as Excel writes "CSV UTF-8", and LF line ends (the fixture has CRLF).
            let folder = try workspace.exampleCSV()
            for register in Register.allCases where !register.isOptional {
                let file = folder + "/" + register.fileName
                var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
                bytes += try Data(contentsOf: URL(fileURLWithPath: file)).filter { $0 != 0x0D }
                try Data(bytes).write(to: URL(fileURLWithPath: file))
            }
            return folder
        }
    }

    @Test("Q1 figures", arguments: encodings)
    func quarter(encoding: String) throws {
        let workspace = try Workspace()
        Self.expectQ1(try Self.metrics(try Self.path(for: encoding, in: workspace), from: 1))
    }

    @Test("March figures", arguments: encodings)
    func march(encoding: String) throws {
        let workspace = try Workspace()
        Self.expectMarch(try Self.metrics(try Self.path(for: encoding, in: workspace), from: 3))
    }

    @Test("XML and CSV (and GBK) give the same submission and digest")
    func sameContent() throws {
        let xml = try #require(try readOne(Workspace.exampleXML).submission)
        let csv = try #require(try readOne(Workspace.exampleCSV).submission)
        let gbk = try #require(try readOne(Workspace.fixtures + "/gbk").submission)
        #expect(xml == csv)
        #expect(csv == gbk)
        #expect(xml.contentDigest() == csv.contentDigest())
        // Pinned: a change to the canonical form would make every stored submission look new (Pipeline.alignDigests
        // recomputes a store's digests when the reporter's part changed: presence since 2026-12, the plain text before).
        #expect(xml.contentDigest() == "af632185b2827dceceb8f4891ad2193eb3a760e51629074e6904c4e3b93db2dc")
        #expect(xml.header.countyName == "示例区")
        #expect(csv.institutions[4].name == "康宁药店, 东街")
        #expect(csv.cases[1].facts == "盗刷参保人医保卡购买生活用品,\"以药换物\"")
        #expect(gbk.cases[0].basis == "《医疗保障基金使用监督管理条例》第三十八条;服务协议第五章")
    }

    @Test("labels are read as codes")
    func labels() throws {
        let s = try #require(try readOne(Workspace.exampleCSV).submission)
        #expect(s.institutions[1].category == .privateHospital)  // 民营医院
        #expect(s.inspections[1].method == .special)  // 专项检查
        #expect(s.inspections[3].problemsFound == false)  // 否
        #expect(s.inspections[4].problemsFound == true)  // 是
        #expect(s.cases[1].reporter.isEmpty == false)
        #expect(s.cases[1].suspensionMonths == 6)
        #expect(s.cases[0].closedOn == Day(year: 2026, month: 3, day: 20))
        #expect(s.cases[1].closedOn == nil)
    }
}
