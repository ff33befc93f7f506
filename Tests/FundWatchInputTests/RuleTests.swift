import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchTestSupport
import Testing

/// One minimally broken copy of the example per rule of FORMAT.md: the rule id and the
/// line of the finding are asserted, and the submission is rejected whole.
struct BrokenCSV: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int
    var old: String
    var new: String
    var rule: String
    /// Line of the finding when it differs from the edited line.
    var findingLine: Int?
    var severity: Severity = .error

    var testDescription: String { "\(rule) (\(file):\(line))" }

    init(_ file: String, _ line: Int, _ old: String, _ new: String, _ rule: String, at findingLine: Int? = nil, _ severity: Severity = .error) {
        self.file = file
        self.line = line
        self.old = old
        self.new = new
        self.rule = rule
        self.findingLine = findingLine
        self.severity = severity
    }
}

@Suite("Rules of FORMAT.md, one broken copy each")
struct RuleTests {
    static let header: [BrokenCSV] = [
        .init("submission.csv", 2, "990101", "99010", "header.county_code.format"),
        .init("submission.csv", 2, "990101", "9901a1", "header.county_code.format"),
        .init("submission.csv", 2, "990101", "", "header.county_code.required"),
        .init("submission.csv", 3, "示例区", "", "header.county_name.required"),
        .init("submission.csv", 4, "2026-03", "2026-13", "header.period.format"),
        .init("submission.csv", 4, "2026-03", "", "header.period.required"),
        .init("submission.csv", 5, "王晓", "", "header.prepared_by.required"),
        .init("submission.csv", 5, "prepared_by,王晓", "", "header.prepared_by.required", at: 1),
        .init("submission.csv", 6, "2026-04-03", "2026/04/03", "header.submitted_on.format"),
        .init("submission.csv", 6, "2026-04-03", "2026-02-30", "header.submitted_on.format"),
        .init("submission.csv", 6, "2026-04-03", "2026-02-28", "header.submitted_on.period"),
        .init("submission.csv", 6, "2026-04-03", "", "header.submitted_on.required"),
        .init("submission.csv", 6, "submitted_on,2026-04-03", "submitted_on,2026-04-03\nreviewed_by,李四", "header.unknown_field", at: 7),
        .init("submission.csv", 5, "prepared_by,王晓", "prepared_by,王晓\nprepared_by,李四", "header.duplicate_field", at: 6),
        .init("submission.csv", 1, "field,value", "name,value", "header.layout"),
    ]

    static let institutions: [BrokenCSV] = [
        .init("institutions.csv", 2, "H99010100001", "X99010100001", "institutions.code.format"),
        .init("institutions.csv", 2, "H99010100001", "H9901010001", "institutions.code.format"),
        .init("institutions.csv", 2, "H99010100001", "", "institutions.code.required"),
        .init("institutions.csv", 3, "H99010100002", "H99010100001", "institutions.code.unique"),
        .init("institutions.csv", 2, "示例区人民医院", "", "institutions.name.required"),
        .init("institutions.csv", 2, "public_hospital", "hospital", "institutions.category.format"),
        .init("institutions.csv", 2, "public_hospital", "", "institutions.category.required"),
        .init("institutions.csv", 2, "active", "open", "institutions.agreement_status.format"),
        .init("institutions.csv", 2, ",active", ",", "institutions.agreement_status.required"),
    ]

    static let inspections: [BrokenCSV] = [
        .init("inspections.csv", 2, "H99010100001", "H99010100009", "inspections.institution_code.reference"),
        .init("inspections.csv", 2, "H99010100001", "", "inspections.institution_code.required"),
        .init("inspections.csv", 2, "2026-01-15", "2026-1-15", "inspections.inspected_on.format"),
        .init("inspections.csv", 2, "2026-01-15", "", "inspections.inspected_on.required"),
        .init("inspections.csv", 2, "2026-01-15", "2025-12-31", "inspections.inspected_on.year"),
        .init("inspections.csv", 2, "2026-01-15", "2026-04-01", "inspections.inspected_on.period"),
        .init("inspections.csv", 2, "routine", "patrol", "inspections.method.format"),
        .init("inspections.csv", 2, "routine", "", "inspections.method.required"),
        .init("inspections.csv", 2, "false", "maybe", "inspections.problems_found.format"),
    ]

    static let cases: [BrokenCSV] = [
        .init("cases.csv", 2, "2026-001,", ",", "cases.case_id.required"),
        .init("cases.csv", 2, "2026-001,", String(repeating: "案", count: 33) + ",", "cases.case_id.length"),
        .init("cases.csv", 3, "2026-002,", "2026-001,", "cases.case_id.unique"),
        .init("cases.csv", 2, "H99010100001", "H99010100009", "cases.institution_code.reference"),
        .init("cases.csv", 2, ",H99010100001,", ",,", "cases.institution_code.required"),
        .init("cases.csv", 2, "2026-03-05", "2026-3-5", "cases.opened_on.format"),
        .init("cases.csv", 2, "2026-03-05", "", "cases.opened_on.required"),
        .init("cases.csv", 2, "2026-03-05,2026-03-20", "2026-04-02,2026-04-03", "cases.opened_on.period"),
        .init("cases.csv", 2, "2026-03-20", "2026-03-32", "cases.closed_on.format"),
        .init("cases.csv", 2, "2026-03-20", "2026-03-04", "cases.closed_on.order"),
        .init("cases.csv", 2, "2026-03-20", "2026-04-01", "cases.closed_on.period"),
        .init("cases.csv", 2, ",special,", ",inspection,", "cases.source.format"),
        .init("cases.csv", 2, ",special,", ",,", "cases.source.required"),
        .init("cases.csv", 2, "duplicate_billing;over_standard", "", "cases.violations.required"),
        .init("cases.csv", 2, "duplicate_billing;over_standard", "duplicate_billing;overcharge", "cases.violations.format"),
        .init("cases.csv", 2, "125000.50", "125000.505", "cases.amount_involved.format"),
        .init("cases.csv", 2, ",20000,", ",-20000,", "cases.amount_refused.format"),
        .init("cases.csv", 2, "80000.50", "80000.5a", "cases.amount_recovered.format"),
        .init("cases.csv", 2, ",10000,", ",1e4,", "cases.damages.format"),
        .init("cases.csv", 2, "10000,0,0,refuse", "10000,¥5,0,refuse", "cases.fine.format"),
        .init("cases.csv", 2, "10000,0,0,refuse", "10000,0,五,refuse", "cases.voluntary_refund.format"),
        .init("cases.csv", 3, ",500.00,", ",500.001,", "cases.reward_paid.format"),
        .init("cases.csv", 2, "refuse;damages", "refuse;fine_only", "cases.actions.format"),
        .init("cases.csv", 3, "suspend,6,", "suspend,,", "cases.suspension_months.required"),
        .init("cases.csv", 3, "suspend,6,", "suspend,13,", "cases.suspension_months.format"),
        .init("cases.csv", 3, "suspend,6,", "suspend,2.5,", "cases.suspension_months.format"),
        .init("cases.csv", 2, "refuse;damages,,", "refuse;damages,3,", "cases.suspension_months.unexpected"),
        .init("cases.csv", 3, "2026-03-18", "2026-03-12", "cases.police_transfer_on.order"),
        .init("cases.csv", 3, "2026-03-18", "18/03/2026", "cases.police_transfer_on.format"),
        .init(
            "cases.csv", 4, "interview;rectify;refuse;damages,,,,,否", "interview;rectify;refuse;damages,,,2026-02-01,,否",
            "cases.discipline_transfer_on.order"),
        .init(
            "cases.csv", 4, "interview;rectify;refuse;damages,,,,,否", "interview;rectify;refuse;damages,,,2026-2-1,,否",
            "cases.discipline_transfer_on.format"),
        .init("cases.csv", 2, "2026-03-25", "2026-03-01", "cases.exposed_on.order"),
        .init("cases.csv", 2, "2026-03-25", "25.03.2026", "cases.exposed_on.format"),
        .init("cases.csv", 2, ",false,2026-03-26,", ",maybe,2026-03-26,", "cases.public_attention.format"),
        .init("cases.csv", 2, "2026-03-26", "2026-03-26T10:00", "cases.notice_submitted_on.format"),
        .init("cases.csv", 2, "80000.50", "180000.50", "cases.amounts.consistency", .warning),
    ]

    static let structure: [BrokenCSV] = [
        .init("cases.csv", 1, "case_id,institution_code", "case_id,case_no,institution_code", "csv.unknown_column"),
        .init("inspections.csv", 1, "inspected_on,method,", "inspected_on,", "csv.missing_column"),
        .init("institutions.csv", 1, "code,name", "code,code", "csv.duplicate_column"),
        .init("institutions.csv", 3, "民营医院,active", "民营医院,active,extra", "csv.field_count"),
        .init("institutions.csv", 3, "H99010100002,", "H99010100002", "csv.field_count"),
        .init("institutions.csv", 3, "示例康复医院", "\"示例康复医院", "csv.quote"),
        .init("institutions.csv", 3, "示例康复医院", "示例\"康复医院", "csv.quote"),
        .init("institutions.csv", 6, "\"康宁药店, 东街\"", "\"康宁药店\"x, 东街\"", "csv.quote"),
        .init("institutions.csv", 2, "public_hospital,active", "public_hospital,active" + String(repeating: ",", count: 64), "csv.too_many_fields"),
    ]

    /// The example's CSV folder, broken as `broken` says, read. `folder` makes the folder to
    /// break (the example's, by default; one with a tip-off register, say).
    static func run(_ broken: BrokenCSV, folder: (Workspace) throws -> String = { try $0.exampleCSV() }) throws -> ReadOutcome<Submission> {
        let workspace = try Workspace()
        let path = try folder(workspace)
        try Workspace.edit(path + "/" + broken.file, line: broken.line, broken.old, broken.new)
        return try readOne(path)
    }

    /// The reporters of the fixtures' cases and tip-offs: no finding ever quotes them.
    static let reporterFragments = ["张某某", "13800000000", "李某某", "13900000000", "王某", "赵某某"]

    /// `broken`'s finding is there, on its line, with its severity (an error rejects the
    /// submission whole); every finding speaks as a clerk reads it and quotes no reporter.
    static func check(_ broken: BrokenCSV, folder: (Workspace) throws -> String = { try $0.exampleCSV() }) throws {
        let loaded = try run(broken, folder: folder)
        expectFinding(loaded, rule: broken.rule, file: broken.file, line: broken.findingLine ?? broken.line, severity: broken.severity)
        for finding in loaded.findings.findings {
            expectClerkWords(finding)
            for fragment in reporterFragments { #expect(!finding.message.contains(fragment), "\(finding.rule) quotes a reporter") }
        }
    }

    /// What a county clerk reads: what is expected in Chinese first (English, if any, after
    /// it in brackets); a finding about a field names it by its Chinese label, never by the
    /// key alone, in the message and in the finding's label.
    static func expectClerkWords(_ finding: Finding, sourceLocation: SourceLocation = #_sourceLocation) {
        func isChinese(_ c: Character) -> Bool { c.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        let beforeEnglish = finding.expected.split(separator: "(", maxSplits: 1).first.map(String.init) ?? finding.expected
        #expect(
            beforeEnglish.contains(where: isChinese), "\(finding.rule): expected 「\(finding.expected)」 is not Chinese first",
            sourceLocation: sourceLocation)
        #expect(finding.message.contains(where: isChinese), "\(finding.rule): \(finding.message)", sourceLocation: sourceLocation)
        let prefix = finding.rule.split(separator: ".").first.map(String.init) ?? ""
        if let column = finding.column, let register = prefix == "header" ? Register.header : Register(rawValue: prefix),
            let index = register.fieldIndex(named: column)
        {
            #expect(finding.label == register.label(index), "\(finding.rule): label \(finding.label ?? "nil")", sourceLocation: sourceLocation)
            #expect(
                !finding.message.contains(":" + column), "\(finding.rule): the message names \(column) by its key: \(finding.message)",
                sourceLocation: sourceLocation)
        }
    }

    @Test("header rules", arguments: header) func headerRules(_ b: BrokenCSV) throws { try Self.check(b) }
    @Test("institutions rules", arguments: institutions) func institutionRules(_ b: BrokenCSV) throws { try Self.check(b) }
    @Test("inspections rules", arguments: inspections) func inspectionRules(_ b: BrokenCSV) throws { try Self.check(b) }
    @Test("cases rules", arguments: cases) func caseRules(_ b: BrokenCSV) throws { try Self.check(b) }
    @Test("CSV structure rules", arguments: structure) func structureRules(_ b: BrokenCSV) throws { try Self.check(b) }

    @Test("the amounts rule is a warning: the submission is still accepted")
    func warningKeepsSubmission() throws {
        let loaded = try Self.run(.init("cases.csv", 2, "80000.50", "180000.50", "cases.amounts.consistency", .warning))
        #expect(loaded.isAccepted)
        #expect(loaded.findings.errorCount == 0)
        #expect(loaded.findings.warningCount == 1)
        let finding = try #require(loaded.findings.findings.first)
        #expect(finding.message.contains("20000.00 + 180000.50 > 125000.50"))
    }

    @Test("a finding names the file, line, column, rule and what was expected, in Chinese and English")
    func findingContent() throws {
        let loaded = try Self.run(.init("cases.csv", 2, "2026-03-20", "2026-03-04", "cases.closed_on.order"))
        let f = try #require(loaded.findings.findings.first { $0.rule == "cases.closed_on.order" })
        #expect(f.file.hasSuffix("/csv/cases.csv"))
        #expect(f.line == 2)
        #expect(f.column == "closed_on")
        #expect(f.label == "结案日期")
        #expect(f.message == "结案日期早于立案日期:2026-03-04 < 2026-03-05")
        #expect(f.messageEN == "closed_on is before opened_on: 2026-03-04 < 2026-03-05")
        #expect(f.expected == "不早于「立案日期」的日期 (a date on or after opened_on)")
        #expect(f.formatted.contains("[结案日期 closed_on]"))
    }

    @Test("every finding of a file is reported, not just the first")
    func allFindings() throws {
        let workspace = try Workspace()
        let folder = try workspace.exampleCSV()
        try Workspace.edit(folder + "/inspections.csv", line: 2, "routine", "patrol")
        try Workspace.edit(folder + "/inspections.csv", line: 4, "random", "lottery")
        try Workspace.edit(folder + "/cases.csv", line: 6, "5200", "52OO")
        let loaded = try readOne(folder)
        #expect(loaded.findings.errorCount == 3)
        #expect(loaded.findings.findings.map(\.line) == [2, 4, 6])
    }

    @Test("findings beyond the cap are counted, not kept")
    func cappedFindings() throws {
        let workspace = try Workspace()
        let folder = try workspace.exampleCSV()
        var text = "institution_code,inspected_on,method,problems_found\n"
        for _ in 0..<250 { text += "H99010100001,2026-01-15,patrol,false\n" }
        try text.write(toFile: folder + "/inspections.csv", atomically: false, encoding: .utf8)
        let loaded = try readOne(folder)
        #expect(loaded.findings.errorCount == 250)
        #expect(loaded.findings.findings.count == 200)
        #expect(loaded.findings.omitted == 50)
    }

    @Test("an optional column may be left out; a missing optional value counts as empty")
    func optionalColumn() throws {
        let workspace = try Workspace()
        let folder = try workspace.exampleCSV()
        let file = folder + "/inspections.csv"
        let (lines, separator) = try Workspace.lines(of: file)
        let trimmed = lines.map { $0.split(separator: ",").dropLast().joined(separator: ",") }.joined(separator: separator)
        try trimmed.write(toFile: file, atomically: false, encoding: .utf8)
        let submission = try #require(try readOne(folder).submission)
        #expect(submission.inspections.allSatisfy { !$0.problemsFound })
        #expect(submission.inspections.count == 6)
    }
}

@Suite("The builder takes registers in any order")
struct BuilderOrderTests {
    static func row(_ register: Register, line: Int, _ values: [Int: String]) -> RawRow {
        var row = RawRow(register: register, file: "\(register.rawValue).csv", line: line)
        for (index, value) in values { row.set(index, value) }
        return row
    }

    static let header = row(
        .header, line: 1,
        [
            HeaderField.countyCode.rawValue: "990101", HeaderField.countyName.rawValue: "示例区",
            HeaderField.period.rawValue: "2026-03", HeaderField.preparedBy.rawValue: "王晓",
            HeaderField.submittedOn.rawValue: "2026-04-03",
        ])
    static let institution = row(
        .institutions, line: 2,
        [
            InstitutionField.code.rawValue: "H99010100001", InstitutionField.name.rawValue: "示例区人民医院",
            InstitutionField.category.rawValue: "public_hospital", InstitutionField.agreementStatus.rawValue: "active",
        ])
    /// Inspected after the period, and of an institution that is not in the register.
    static let inspections = [
        row(
            .inspections, line: 2,
            [
                InspectionField.institutionCode.rawValue: "H99010100001", InspectionField.inspectedOn.rawValue: "2026-04-01",
                InspectionField.method.rawValue: "routine",
            ]),
        row(
            .inspections, line: 3,
            [
                InspectionField.institutionCode.rawValue: "H99010100009", InspectionField.inspectedOn.rawValue: "2025-12-31",
                InspectionField.method.rawValue: "routine",
            ]),
    ]
    static let lateCase = row(
        .cases, line: 2,
        [
            CaseField.caseID.rawValue: "C1", CaseField.institutionCode.rawValue: "H99010100001",
            CaseField.openedOn.rawValue: "2026-03-05", CaseField.closedOn.rawValue: "2026-04-02",
            CaseField.source.rawValue: "routine", CaseField.violations.rawValue: "split_billing",
        ])

    static func findings(_ rows: [RawRow]) -> [String] {
        var builder = SubmissionBuilder()
        for row in rows { builder.add(row) }
        #expect(builder.finish() == nil)
        return builder.collector.findings.map { "\($0.file):\($0.line ?? 0) \($0.rule)" }.sorted()
    }

    @Test("rows before the header or the institutions get the same findings as rows after them")
    func anyOrder() {
        let expected = [
            "cases.csv:2 cases.closed_on.period",
            "inspections.csv:2 inspections.inspected_on.period",
            "inspections.csv:3 inspections.inspected_on.year",
            "inspections.csv:3 inspections.institution_code.reference",
        ]
        #expect(Self.findings([Self.header, Self.institution] + Self.inspections + [Self.lateCase]) == expected)
        #expect(Self.findings(Self.inspections + [Self.lateCase, Self.institution, Self.header]) == expected)
        #expect(Self.findings([Self.lateCase] + Self.inspections + [Self.header, Self.institution]) == expected)
    }
}

@Suite("Values are read from bytes as a clerk typed them")
struct ValueReadingTests {
    typealias B = BuilderOrderTests

    @Test("spaces, tabs and full-width spaces around a value are trimmed; free text is kept as typed")
    func trimming() throws {
        let institution = B.row(
            .institutions, line: 2,
            [
                InstitutionField.code.rawValue: " \u{3000}H99010100001\t", InstitutionField.name.rawValue: "\u{3000}示例区人民医院 ",
                InstitutionField.category.rawValue: "公立医院\u{3000}", InstitutionField.agreementStatus.rawValue: " active",
            ])
        let inspection = B.row(
            .inspections, line: 2,
            [
                InspectionField.institutionCode.rawValue: "H99010100001", InspectionField.inspectedOn.rawValue: "\u{3000}2026-03-02\u{3000}",
                InspectionField.method.rawValue: "routine", InspectionField.problemsFound.rawValue: " TRUE ",
            ])
        let record = B.row(
            .cases, line: 2,
            [
                CaseField.caseID.rawValue: "C1", CaseField.institutionCode.rawValue: "H99010100001",
                CaseField.openedOn.rawValue: "2026-03-05", CaseField.source.rawValue: "routine",
                CaseField.violations.rawValue: "split_billing", CaseField.amountInvolved.rawValue: "\u{3000}1250.5 ",
                CaseField.publicAttention.rawValue: "是", CaseField.facts.rawValue: "  两个空格开头\u{3000}",
            ])
        var builder = SubmissionBuilder()
        for row in [B.header, institution, inspection, record] { builder.add(row) }
        let built = builder.finish()
        let submission = try #require(built)
        #expect(submission.institutions[0].code == "H99010100001")
        #expect(submission.institutions[0].name == "示例区人民医院")
        #expect(submission.institutions[0].category == .publicHospital)
        #expect(submission.inspections[0].inspectedOn == Day(iso: "2026-03-02"))
        #expect(submission.inspections[0].problemsFound)
        #expect(submission.cases[0].amountInvolved == Money(fen: 125_050))
        #expect(submission.cases[0].publicAttention)
        #expect(submission.cases[0].facts == "  两个空格开头\u{3000}")
    }

    @Test(
        "booleans: true/false in any letter case, 是/否, empty is false; anything else is refused with the value",
        arguments: [
            ("True", true), ("FALSE", false), ("false", false), ("否", false), ("", false),
        ])
    func booleans(text: String, expected: Bool) throws {
        let inspection = B.row(
            .inspections, line: 2,
            [
                InspectionField.institutionCode.rawValue: "H99010100001", InspectionField.inspectedOn.rawValue: "2026-03-02",
                InspectionField.method.rawValue: "routine", InspectionField.problemsFound.rawValue: text,
            ])
        var builder = SubmissionBuilder()
        for row in [B.header, B.institution, inspection] { builder.add(row) }
        let built = builder.finish()
        let submission = try #require(built)
        #expect(submission.inspections[0].problemsFound == expected)
    }

    @Test(
        "a value that does not parse is quoted in the finding",
        arguments: [
            (InspectionField.problemsFound.rawValue, "yes", "inspections.problems_found.format", "「yes」"),
            (InspectionField.problemsFound.rawValue, "truex", "inspections.problems_found.format", "「truex」"),
            (InspectionField.inspectedOn.rawValue, " 2026-3-2 ", "inspections.inspected_on.format", "「2026-3-2」"),
            (InspectionField.inspectedOn.rawValue, "\u{3000}", "inspections.inspected_on.required", "必填字段为空:检查日期"),
        ])
    func refused(field: Int, text: String, rule: String, detail: String) throws {
        var values = [
            InspectionField.institutionCode.rawValue: "H99010100001", InspectionField.inspectedOn.rawValue: "2026-03-02",
            InspectionField.method.rawValue: "routine",
        ]
        values[field] = text
        var builder = SubmissionBuilder()
        for row in [B.header, B.institution, B.row(.inspections, line: 7, values)] { builder.add(row) }
        #expect(builder.finish() == nil)
        let finding = try #require(builder.collector.findings.first)
        #expect(finding.rule == rule)
        #expect(finding.line == 7)
        #expect(finding.message.contains(detail))
    }
}
