import Foundation
import FundWatchCore
import FundWatchCrypto
import FundWatchInput
import FundWatchTestSupport
import Testing

/// Whom a case is about (`subject_type`): an institution by default, or an insured person,
/// an agency, a physician (with the physician's number and points) or another; the
/// institution code exactly for an institution. One broken copy per rule.
@Suite("Case subjects, one broken copy each")
struct CaseSubjectRuleTests {
    /// The example's CSV folder with the three subject columns added to `cases.csv`, every
    /// case an institution's (`,institution,,` at the end of each row).
    static func folder(_ workspace: Workspace) throws -> String {
        let folder = try workspace.exampleCSV()
        let file = folder + "/cases.csv"
        let (lines, separator) = try Workspace.lines(of: file)
        var out: [String] = []
        for (index, line) in lines.enumerated() where !line.isEmpty {
            out.append(line + (index == 0 ? ",subject_type,physician_id,points" : ",institution,,"))
        }
        try (out.joined(separator: separator) + separator).write(toFile: file, atomically: false, encoding: .utf8)
        return folder
    }

    static let broken: [BrokenCSV] = [
        .init("cases.csv", 2, ",institution,,", ",patient,,", "cases.subject_type.format"),
        .init("cases.csv", 2, ",institution,,", ",insured,,", "cases.institution_code.unexpected"),
        .init("cases.csv", 2, "2026-001,H99010100001,", "2026-001,,", "cases.institution_code.required"),
        .init("cases.csv", 2, ",institution,,", ",physician,,", "cases.physician_id.required"),
        .init("cases.csv", 2, ",institution,,", ",institution,D001,", "cases.physician_id.unexpected"),
        .init("cases.csv", 2, ",institution,,", ",institution,,3", "cases.points.unexpected"),
    ]

    @Test("case subject rules", arguments: broken)
    func rule(_ b: BrokenCSV) throws { try RuleTests.check(b, folder: Self.folder) }

    @Test("points other than 1, 2, 3, 4, 6, 12 are refused, as the clerk wrote them")
    func points() throws {
        for bad in ["5", "0", "1.5", "十二"] {
            let workspace = try Workspace()
            let folder = try Self.folder(workspace)
            try Workspace.edit(folder + "/cases.csv", line: 2, "2026-001,H99010100001,", "2026-001,,")
            try Workspace.edit(folder + "/cases.csv", line: 2, ",institution,,", ",physician,D9901001,\(bad)")
            let finding = expectFinding(try readOne(folder), rule: "cases.points.format", file: "cases.csv", line: 2)
            #expect(finding?.message.contains("「\(bad)」") == true)
        }
    }

    @Test("an insured person's and a physician's case are read; institutions' cases keep the digest they had without the columns")
    func valid() throws {
        let workspace = try Workspace()
        let plain = try #require(try readOne(try workspace.exampleCSV("plain")).submission)
        let folder = try Self.folder(workspace)
        let same = try #require(try readOne(folder).submission)
        #expect(same == plain)
        #expect(same.contentDigest() == plain.contentDigest())
        try Workspace.edit(folder + "/cases.csv", line: 2, "2026-001,H99010100001,", "2026-001,,")
        try Workspace.edit(folder + "/cases.csv", line: 2, ",institution,,", ",医保医师,D9901001,6")
        try Workspace.edit(folder + "/cases.csv", line: 3, "2026-002,P99010100001,", "2026-002,,")
        try Workspace.edit(folder + "/cases.csv", line: 3, ",institution,,", ",参保人员,,")
        let loaded = try readOne(folder)
        #expect(loaded.findings.errorCount == 0, "\(loaded.findings.findings.map(\.formatted))")
        let s = try #require(loaded.submission)
        #expect(s.cases[0].subjectType == .physician && s.cases[0].physicianID == "D9901001" && s.cases[0].points == 6)
        #expect(s.cases[0].institutionCode.isEmpty)
        #expect(s.cases[1].subjectType == .insured && s.cases[1].physicianID == nil && s.cases[1].points == nil)
        #expect(s.contentDigest() != plain.contentDigest())
    }
}
