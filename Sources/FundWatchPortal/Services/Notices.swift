import Foundation
import FundWatchCore
import FundWatchPipeline
import FundWatchReports
import FundWatchReturns

/// Major-case notice deadlines from the store, limited to the caller's scope.
struct Notices: Sendable {
    let core: PortalCore

    /// The notices of the counties in `scope`, most urgent first, as of `asOf`; none when
    /// nothing is stored yet.
    func register(scope: Scope, asOf: Day) async throws -> [MajorCaseNotice] {
        // Nothing to compute for a caller whose scope holds no return yet.
        if scope == .nothing { return [] }
        if try await core.returns.scoped(scope).versions(county: nil, period: nil).isEmpty { return [] }
        let core = self.core
        let notices = try await core.cache.notices("\(try await core.returns.revision())/\(asOf)") {
            do throws(PipelineError) {
                return try await core.pipeline.noticeRegister(core.returns.source(), asOf: asOf).notices
            } catch {
                if case .badRequest = error { return [] }
                throw error
            }
        }
        return notices.filter { scope.contains($0.countyCode) }
    }

    /// The scoped `notices --format json` document.
    func json(scope: Scope, asOf: Day) async throws -> String {
        NoticesJSON.document(try await register(scope: scope, asOf: asOf), asOf: asOf).serialized()
    }

    /// A notice as a page row, with the link to its document (要情报告) as of `asOf`.
    static func row(_ n: MajorCaseNotice, asOf: Day) -> NoticeRow {
        NoticeRow(
            caseID: n.caseID, county: n.countyCode,
            document: "/counties/\(n.countyCode)/notice?case=\(Forms.queryEncoded(n.caseID))&as_of=\(asOf)", institution: n.institutionName,
            trigger: n.trigger?.description ?? "", due: n.due?.description ?? "", statusCode: n.status.rawValue,
            statusLabel: n.status.label
                + (n.daysOver.map { " \($0) 天" } ?? n.daysLeft.map { n.status == .due ? "(剩 \($0) 天)" : "" } ?? ""))
    }
}
