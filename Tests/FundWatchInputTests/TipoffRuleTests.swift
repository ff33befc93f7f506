import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchTestSupport
import Testing

/// The tip-off register (举报线索台账): one minimally broken copy of the example's register
/// per rule, the register read alike from CSV and XML, and a return without it unchanged.
@Suite("Tip-off register rules, one broken copy each")
struct TipoffRuleTests {
    /// The example's CSV folder with the tip-off register added.
    static func folderWithTipoffs(_ workspace: Workspace) throws -> String {
        let folder = try workspace.exampleCSV()
        try FileManager.default.copyItem(atPath: SharedFixtures.exampleTipoffs + "/tipoffs.csv", toPath: folder + "/tipoffs.csv")
        return folder
    }

    static let broken: [BrokenCSV] = [
        .init("tipoffs.csv", 2, "JB-2026-001,", ",", "tipoffs.tipoff_id.required"),
        .init("tipoffs.csv", 2, "JB-2026-001,", String(repeating: "线", count: 33) + ",", "tipoffs.tipoff_id.length"),
        .init("tipoffs.csv", 3, "JB-2026-002,", "JB-2026-001,", "tipoffs.tipoff_id.unique"),
        .init("tipoffs.csv", 3, "JB-2026-002,2026-03-02,", "JB-2026-002,,", "tipoffs.received_on.required"),
        .init("tipoffs.csv", 3, "2026-03-02", "2026/03/02", "tipoffs.received_on.format"),
        .init("tipoffs.csv", 5, "2026-03-20", "2026-04-02", "tipoffs.received_on.period"),
        .init("tipoffs.csv", 2, "hotline", "phone", "tipoffs.channel.format"),
        .init("tipoffs.csv", 2, ",hotline,", ",,", "tipoffs.channel.required"),
        .init("tipoffs.csv", 2, ",true,institution", ",maybe,institution", "tipoffs.real_name.format"),
        .init("tipoffs.csv", 5, "physician", "doctor", "tipoffs.subject_type.format"),
        .init("tipoffs.csv", 5, ",physician,", ",,", "tipoffs.subject_type.required"),
        .init("tipoffs.csv", 4, "H99010100002", "", "tipoffs.institution_code.required"),
        .init("tipoffs.csv", 5, ",physician,,", ",physician,H99010100001,", "tipoffs.institution_code.unexpected"),
        .init("tipoffs.csv", 4, "H99010100002", "H99010100009", "tipoffs.institution_code.reference"),
        .init("tipoffs.csv", 2, "2026-03-04,file", "2026-02-09,file", "tipoffs.decided_on.order"),
        .init("tipoffs.csv", 3, "2026-03-06", "2026-3-6", "tipoffs.decided_on.format"),
        .init("tipoffs.csv", 3, ",2026-03-06,不予立案,", ",2026-03-06,,", "tipoffs.decision.required"),
        .init("tipoffs.csv", 6, ",2026-01-09,transfer,", ",,transfer,", "tipoffs.decided_on.required"),
        .init("tipoffs.csv", 6, "transfer", "forward", "tipoffs.decision.format"),
        .init("tipoffs.csv", 2, "2026-03-12", "2026-03-03", "tipoffs.informed_on.order"),
        .init("tipoffs.csv", 4, "H99010100002,,,", "H99010100002,,,2026-03-01", "tipoffs.informed_on.unexpected"),
        .init("tipoffs.csv", 2, "2026-03-20,true", "2026-03-01,true", "tipoffs.closed_on.order"),
        .init("tipoffs.csv", 3, "不予立案,,,", "不予立案,,2026-03-10,", "tipoffs.closed_on.unexpected"),
        .init("tipoffs.csv", 3, "不予立案,,,,", "不予立案,,,是,", "tipoffs.substantiated.unexpected"),
        .init("tipoffs.csv", 2, ",true,2026-001,", ",yes,2026-001,", "tipoffs.substantiated.format"),
        .init("tipoffs.csv", 2, ",true,2026-001,", ",true,2026-099,", "tipoffs.case_id.reference"),
        .init("tipoffs.csv", 3, "不予立案,,,,,", "不予立案,,,,2026-001,", "tipoffs.case_id.unexpected"),
        .init("tipoffs.csv", 2, "2026-001,,", "2026-001,2026-03-19,", "tipoffs.feedback_on.order"),
        .init("tipoffs.csv", 2, "2026-001,,", "2026-001,2026-04-02,", "tipoffs.feedback_on.period"),
        .init("tipoffs.csv", 6, "2026-01-14,,,,", "2026-01-14,,,,2026-01-20", "tipoffs.feedback_on.unexpected"),
        .init("tipoffs.csv", 2, "500.00", "500元", "tipoffs.reward_paid.format"),
        .init("tipoffs.csv", 2, "500.00,2026-03-25", ",2026-03-25", "tipoffs.reward_paid_on.unexpected"),
        .init("tipoffs.csv", 2, "2026-03-25", "2026-02-01", "tipoffs.reward_paid_on.order"),
        .init("tipoffs.csv", 2, "2026-03-25", "25/03/2026", "tipoffs.reward_paid_on.format"),
        .init("tipoffs.csv", 5, ",physician,,,,", ",physician,,2026-04-02,reject,", "tipoffs.decided_on.period"),
        .init("tipoffs.csv", 2, "2026-03-12", "2026-3-12", "tipoffs.informed_on.format"),
        .init("tipoffs.csv", 2, "2026-03-20,true", "2026/03/20,true", "tipoffs.closed_on.format"),
        .init("tipoffs.csv", 2, "2026-001,,", "2026-001,20260401,", "tipoffs.feedback_on.format"),
    ]

    @Test("tipoffs rules", arguments: broken)
    func rule(_ b: BrokenCSV) throws { try RuleTests.check(b, folder: Self.folderWithTipoffs) }

    @Test("the example's register: five tip-offs read with every field; the reporter kept confidential")
    func example() throws {
        let workspace = try Workspace()
        let loaded = try readOne(try Self.folderWithTipoffs(workspace))
        #expect(loaded.findings.findings.isEmpty, "\(loaded.findings.findings.map(\.formatted))")
        let tipoffs = try #require(loaded.submission?.tipoffs)
        #expect(tipoffs.map(\.tipoffID) == ["JB-2026-001", "JB-2026-002", "JB-2026-003", "JB-2026-004", "JB-2026-005"])
        let first = tipoffs[0]
        #expect(first.channel == .hotline && first.realName && first.subjectType == .institution && first.institutionCode == "H99010100001")
        #expect(first.decidedOn == Day(iso: "2026-03-04") && first.decision == .file && first.informedOn == Day(iso: "2026-03-12"))
        #expect(first.closedOn == Day(iso: "2026-03-20") && first.substantiated && first.caseID == "2026-001" && first.feedbackOn == nil)
        #expect(first.rewardPaid == Money(fen: 50_000) && first.rewardPaidOn == Day(iso: "2026-03-25"))
        #expect(first.reporter.revealedForStorage == "李某某,电话13900000000")
        #expect("\(first.reporter)" == "[confidential]")
        // Labels are read as codes: 网络 / 参保人员 / 不予立案, 是, 媒体.
        #expect(tipoffs[1].channel == .online && !tipoffs[1].realName && tipoffs[1].subjectType == .insured && tipoffs[1].decision == .reject)
        #expect(tipoffs[2].realName && tipoffs[2].decision == nil)
        #expect(tipoffs[4].channel == .media && tipoffs[4].subjectType == .agency && tipoffs[4].decision == .transfer)
    }

    @Test("a return without the register reads as before, with the same content digest; XML with <tipoffs> reads as CSV with tipoffs.csv")
    func optionalAndXML() throws {
        let workspace = try Workspace()
        let plain = try #require(try readOne(try workspace.exampleCSV("plain")).submission)
        #expect(plain.tipoffs.isEmpty)
        let withTipoffs = try #require(try readOne(try Self.folderWithTipoffs(workspace)).submission)
        var stripped = withTipoffs
        stripped.tipoffs = []
        #expect(stripped == plain)
        let digest: (Submission) -> String = { s in
            var bytes: [UInt8] = []
            s.writeCanonicalForm(reporter: { $0.isEmpty ? "" : "present" }) { bytes += $0 }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(digest(stripped) == digest(plain))
        #expect(digest(withTipoffs) != digest(plain))

        // The same register as XML.
        let xmlPath = try workspace.exampleXML()
        var xml = try String(contentsOfFile: xmlPath, encoding: .utf8)
        var rows = ""
        for t in withTipoffs.tipoffs {
            func e(_ name: String, _ value: String?) -> String { value.map { "<\(name)>\($0)</\(name)>" } ?? "" }
            rows +=
                "<tipoff>" + e("tipoff_id", t.tipoffID) + e("received_on", t.receivedOn.description) + e("channel", t.channel.label)
                + e("real_name", t.realName ? "true" : "false") + e("subject_type", t.subjectType.code) + e("institution_code", t.institutionCode)
                + e("decided_on", t.decidedOn?.description) + e("decision", t.decision?.code) + e("informed_on", t.informedOn?.description)
                + e("closed_on", t.closedOn?.description) + e("substantiated", t.substantiated ? "是" : nil) + e("case_id", t.caseID)
                + e("feedback_on", t.feedbackOn?.description) + e("reward_paid", t.rewardPaid == .zero ? nil : t.rewardPaid.yuanString)
                + e("reward_paid_on", t.rewardPaidOn?.description)
                + e("reporter", t.reporter.revealedForStorage.isEmpty ? nil : t.reporter.revealedForStorage)
                + "</tipoff>\n"
        }
        xml = xml.replacingOccurrences(of: "</submission>", with: "<tipoffs>\n\(rows)</tipoffs>\n</submission>")
        try xml.write(toFile: xmlPath, atomically: false, encoding: .utf8)
        let fromXML = try readOne(xmlPath)
        #expect(fromXML.findings.findings.isEmpty, "\(fromXML.findings.findings.map(\.formatted))")
        #expect(fromXML.submission == withTipoffs)
        // An unknown field in a tip-off is the schema's finding.
        try xml.replacingOccurrences(of: "<tipoff><tipoff_id>JB-2026-002", with: "<tipoff><phone>1</phone><tipoff_id>JB-2026-002")
            .write(toFile: xmlPath, atomically: false, encoding: .utf8)
        #expect(try readOne(xmlPath).findings.findings.contains { $0.rule == "xml.schema" })
    }
}
