import Foundation
import FundWatchCore
import FundWatchPipeline
import FundWatchReports
import FundWatchReturns

/// Tip-off deadlines (working days) from the store, limited to the caller's scope.
struct Tipoffs: Sendable {
    let core: PortalCore

    /// The tip-offs of the counties in `scope`, most urgent first, as of `asOf`; none when
    /// nothing is stored yet.
    func register(scope: Scope, asOf: Day) async throws -> [TipoffStatus] {
        if scope == .nothing { return [] }
        if try await core.returns.scoped(scope).versions(county: nil, period: nil).isEmpty { return [] }
        let core = self.core
        let tipoffs = try await core.cache.tipoffs("\(try await core.returns.revision())/\(asOf)") {
            do throws(PipelineError) {
                return try await core.pipeline.tipoffRegister(core.returns.source(), asOf: asOf).tipoffs
            } catch {
                if case .badRequest = error { return [] }
                throw error
            }
        }
        return tipoffs.filter { scope.contains($0.countyCode) }
    }

    /// The scoped `tipoffs --format json` document.
    func json(scope: Scope, asOf: Day) async throws -> String {
        TipoffsJSON.document(try await register(scope: scope, asOf: asOf), asOf: asOf).serialized()
    }

    /// Whether a tip-off needs attention on a dashboard: a step overdue, or due within
    /// `days` working days.
    static func needsAttention(_ t: TipoffStatus, within days: Int) -> Bool {
        guard let step = t.mostUrgent else { return false }
        return step.status == .overdue || (step.status == .due && (step.daysLeft ?? Int.max) <= days)
    }

    /// A tip-off as a page row: its most urgent step.
    static func row(_ t: TipoffStatus, countyName: String) -> TipoffRow {
        let step = t.mostUrgent
        let days: String =
            switch step?.status {
            case .overdue: " \(step?.daysOver ?? 0) 个工作日"
            case .due: "(剩 \(step?.daysLeft ?? 0) 个工作日)"
            default: ""
            }
        return TipoffRow(
            tipoffID: t.tipoffID, county: t.countyCode, countyName: countyName, received: t.receivedOn.description, channel: t.channel.label,
            step: step?.step.label ?? "—", due: step?.due?.description ?? "", statusCode: step?.status.rawValue ?? "",
            statusLabel: (step?.status.label ?? "") + days)
    }
}
