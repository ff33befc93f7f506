import FundWatchCore
import FundWatchPipeline
import FundWatchReturnsStore
import FundWatchStore

/// A city action on a return.
public enum ReviewAction: String, Sendable {
    case approve, `return`
}

extension ReturnCycle {
    /// The review steps: 待审核 on every new version, then 已审核 or 已退回 by the city. Each
    /// step is an appended event whose sequence follows the last one, so two reviewers acting
    /// at once on the same state cannot both win (the second is refused and sees the new state).
    ///
    /// Approves or returns the current version of a county's month (the core's one rule:
    /// latest 报送日期, then the later import), which the reviewer names by its number
    /// (`version`, as the page and the API list it): a version that is no longer current is
    /// refused, so the city never approves a version it has not seen. Approving needs a
    /// received (待审核) or unreviewed version; returning needs a reason and a version not
    /// already returned. Approving a version with an unexplained plausibility warning (待说明)
    /// needs the reviewer's own note (`reason`), kept with the event. The event and its audit
    /// line are stored together or not at all.
    public func review(
        _ action: ReviewAction, county: String, period: YearMonth, version: Int?, reason: String, by user: PortalUser,
        address: String
    ) async throws -> ReviewStatus {
        guard user.role == .city else { throw Refusal(.outOfScope, "只有市局统计员可以审核 (only the city reviews)") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let status = ReviewStatus(countyCode: county, period: period, events: try await store.returns.reviewEvents(county: county, period: period))
        let versions = try await store.versions(county: county, period: period)
        guard let current = versions.current, let currentNumber = versions.number(of: current.id) else {
            throw Refusal(.notFound, "\(county) \(period) 尚无报表 (no return stored)")
        }
        guard let version else {
            throw Refusal(.invalid, "请指明审核的版本 (name the version: version = \(currentNumber))")
        }
        guard version == currentNumber else {
            throw Refusal(
                .conflict,
                "第 \(version) 版已不是当前版本,当前为第 \(currentNumber) 版,请刷新页面查看后再审核 "
                    + "(version \(version) is not current; version \(currentNumber) is)")
        }
        let state: ReviewState
        let currentState = status.state(ofVersion: current.id)
        switch action {
        case .approve:
            guard currentState == .received || currentState == nil else {
                throw Refusal(.conflict, "当前状态为「\(status.label(ofVersion: current.id))」,只有待审核的报表可以审核通过 (only a received return can be approved)")
            }
            let open = try await warnings(of: current, number: currentNumber).open
            guard open == 0 || !reason.isEmpty else {
                throw Refusal(
                    .invalid,
                    "该报表有 \(open) 条核实性审核提示尚未说明,审核通过须填写审核意见 "
                        + "(\(open) plausibility warning(s) are unexplained: approving needs the reviewer's note)")
            }
            state = .approved
        case .return:
            guard !reason.isEmpty else { throw Refusal(.invalid, "退回须填写原因 (a return needs a reason)") }
            guard currentState != .returned else {
                throw Refusal(.conflict, "该报表已退回,等待县区重新报送 (already returned)")
            }
            state = .returned
        }
        let event = ReviewEvent(
            countyCode: county, period: period, sequence: status.nextSequence, state: state, submissionID: current.id,
            reason: reason, actor: user.name, at: now())
        let audit = AuditEntry(
            at: event.at, actor: user.name, action: "review", outcome: action.rawValue,
            detail: "\(county) \(period) 第\(currentNumber)版 #\(current.id) \(reason)", address: address)
        do throws(StoreError) {
            try await store.transaction([ReturnsTables.append(event), ReturnsTables.audit(audit)])
        } catch {
            guard error.kind == .conflict else { throw error }
            throw Refusal(.conflict, "另一位审核人刚刚处理了该报表,请刷新后查看 (someone else reviewed it just now)")
        }
        return ReviewStatus(countyCode: county, period: period, events: status.events + [event])
    }
}
