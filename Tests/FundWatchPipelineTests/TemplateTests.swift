import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchPipeline
import Testing

/// The fill-in workbook, read back by FundWatch's own reader.
@Suite("The fill-in template")
struct TemplateTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Pipeline() }

    func readBack(_ bytes: [UInt8]) -> ReadOutcome<Submission> {
        SubmissionReader().read([.memory(name: "template.xlsx", bytes: bytes)], summarising: { $0 }).outcomes[0]
    }

    @Test("prefilled from the county's latest return: read back, only the clerk's two header fields are missing")
    func prefilled() async throws {
        let bytes = try await pipeline.template(county: "990101", period: YearMonth(year: 2026, month: 4)!, source: .paths([Upload.csvFolder]))
        let read = readBack(bytes)
        // The five prefilled institutions (codes, names with a comma, labels for codes) pass every rule.
        #expect(read.findings.findings.map(\.rule) == ["header.prepared_by.required", "header.submitted_on.required"])
        #expect(read.findings.findings.map(\.cell) == ["报送信息!C6", "报送信息!C7"])
        let same = try await pipeline.template(county: "990101", period: YearMonth(year: 2026, month: 4)!, source: .paths([Upload.csvFolder]))
        #expect(same == bytes, "the same inputs give the same workbook")
    }

    @Test("a county without a return gets an empty register; a bad county code is refused")
    func empty() async throws {
        let bytes = try await pipeline.template(county: "990199", period: YearMonth(year: 2026, month: 4)!, source: .paths([Upload.csvFolder]))
        let read = readBack(bytes)
        #expect(read.findings.findings.map(\.rule) == ["header.county_name.required", "header.prepared_by.required", "header.submitted_on.required"])
        await #expect(throws: PipelineError.self) {
            _ = try await pipeline.template(county: "99019", period: YearMonth(year: 2026, month: 4)!, source: nil)
        }
    }
}
