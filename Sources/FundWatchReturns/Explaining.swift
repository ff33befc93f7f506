import FundWatchCore
import FundWatchPipeline
import FundWatchReports
import FundWatchReturnsStore
import FundWatchStore

/// The plausibility warnings (核实性审核) of one stored version, each with its explanation:
/// what the county page, the review, the API and the city's list of open warnings show.
public struct VersionWarnings: Sendable {
    public var countyCode: String
    public var period: YearMonth
    /// The stored version's id and its number among the month's versions.
    public var versionID: Int64
    public var number: Int
    public var items: [ExplainedWarning]
    /// Whether the version is approved: it takes no more explanations then.
    public var approved: Bool

    /// Warnings without an explanation.
    public var open: Int { items.count { $0.explanation == nil } }

    /// The warnings the county still has to explain: the open ones, none once approved.
    public var toExplain: Int { approved ? 0 : open }

    /// The month state 待说明 as every page shows it: its code (a CSS class) and label.
    public static let awaitingState = (code: "explain", label: "待说明")

    /// 待说明: the version is not approved and has a warning nobody has explained yet. The
    /// one rule for the state every page, count and list shows.
    public var awaitsExplanation: Bool { toExplain > 0 }

    /// The explanations given, as the audit and the pages name their authors.
    public var explainers: [String] { Array(Set(items.compactMap { $0.explanation?.actor })).sorted() }
}

extension ReturnCycle {
    /// The plausibility warnings an upload stored with version `id`, with the explanations
    /// kept for it; a version imported on the command line has none (its warnings were
    /// printed by `import`, for the city itself).
    func warnings(of version: StoredVersion, number: Int) async throws(StoreError) -> VersionWarnings {
        let warnings = FindingJSON.decode(try await store.returns.uploadFindingsJSON(ofVersion: version.id) ?? "[]").filter(\.asksForExplanation)
        let explanations = warnings.isEmpty ? [] : try await store.returns.explanations(ofVersions: [version.id])[version.id] ?? []
        let status = ReviewStatus(
            countyCode: version.countyCode, period: version.period,
            events: warnings.isEmpty ? [] : try await store.returns.reviewEvents(county: version.countyCode, period: version.period))
        return VersionWarnings(
            countyCode: version.countyCode, period: version.period, versionID: version.id, number: number,
            items: ExplainedWarning.pair(warnings, with: explanations), approved: status.state(ofVersion: version.id) == .approved)
    }

    /// Explains plausibility warnings of a county's month: the version named (`version`, its
    /// number) must be the current one, the month not yet approved, and each explanation must
    /// name a warning the version has (its rule and key, or its rule and `*`) and say
    /// something (at most ``Explanation/maxLength`` characters). The explanations and their
    /// audit line are stored together or not at all. A county clerk explains their own
    /// county's returns; the city may explain on a county's behalf (代报).
    public func explain(
        _ explanations: [Explanation], county: String, period: YearMonth, version: Int?, by user: PortalUser, address: String
    ) async throws -> VersionWarnings {
        let scope = Scope(user: user)
        guard user.role != .admin, scope.contains(county) else { throw Refusal(.outOfScope, "您没有权限说明此县区的报表 (outside your scope)") }
        let versions = try await store.versions(county: county, period: period)
        guard let current = versions.current, let currentNumber = versions.number(of: current.id) else {
            throw Refusal(.notFound, "\(county) \(period) 尚无报表 (no return stored)")
        }
        guard let version else { throw Refusal(.invalid, "请指明说明的版本 (name the version: version = \(currentNumber))") }
        guard version == currentNumber else {
            throw Refusal(
                .conflict,
                "第 \(version) 版已不是当前版本,当前为第 \(currentNumber) 版,请刷新页面后再说明 (version \(version) is not current; version \(currentNumber) is)")
        }
        let status = ReviewStatus(countyCode: county, period: period, events: try await store.returns.reviewEvents(county: county, period: period))
        guard status.state(ofVersion: current.id) != .approved else {
            throw Refusal(.conflict, "该报表已审核通过并锁定,不能再补充说明 (the return is approved and locked)")
        }
        let before = try await warnings(of: current, number: currentNumber)
        guard !explanations.isEmpty else { throw Refusal(.invalid, "没有要保存的说明 (no explanation given)") }
        for e in explanations {
            guard !e.text.isEmpty else { throw Refusal(.invalid, "说明不能为空:\(e.rule) \(e.key) (an explanation needs text)") }
            guard e.text.count <= Explanation.maxLength else {
                throw Refusal(.invalid, "说明不能超过 \(Explanation.maxLength) 字:\(e.rule) \(e.key) (at most \(Explanation.maxLength) characters)")
            }
            guard before.items.contains(where: { e.covers($0.warning) }) else {
                throw Refusal(.invalid, "第 \(currentNumber) 版没有这条核实性审核提示:\(e.rule) \(e.key) (no such warning)")
            }
        }
        let at = now(), actor = user.name + (user.role == .city ? "(代报)" : "")
        let kept = explanations.map { Explanation(rule: $0.rule, key: $0.key, text: $0.text, actor: actor, at: at) }
        var statements = kept.map { ReturnsTables.recordExplanation($0, county: county, period: period, submissionID: current.id) }
        statements.append(
            ReturnsTables.audit(
                AuditEntry(
                    at: at, actor: user.name, action: "explain", outcome: "ok",
                    detail: "\(county) \(period) 第\(currentNumber)版 #\(current.id) " + kept.map { "\($0.rule) \($0.key)" }.joined(separator: ", "),
                    address: address)))
        try await store.transaction(statements)
        return try await onceStored { () throws(StoreError) in try await warnings(of: current, number: currentNumber) }
    }

    /// The warnings of the current version of every county (or `county`) and month in `scope`
    /// that has any, newest month first, then by county: the statistician's list before
    /// signing, and a county page's. A county outside the scope is refused.
    public func currentWarnings(in scope: Scope, county: String? = nil, period: YearMonth? = nil) async throws -> [VersionWarnings] {
        if let county, !scope.contains(county) { throw Refusal(.outOfScope, "您没有权限访问此县区的数据 (outside your scope)") }
        guard scope != .nothing else { return [] }
        let versions = try await store.versions(county: county ?? scope.onlyCounty, period: period)
        let months = Dictionary(grouping: versions) { ReviewStatus.Key(countyCode: $0.countyCode, period: $0.period) }
        let uploads = try await store.returns.plausibilityUploads(county: county ?? scope.onlyCounty)
        var found: [(StoredVersion, Int, [Finding])] = []
        for key in months.keys.sorted(by: { ($0.period, $1.countyCode) > ($1.period, $0.countyCode) }) {
            let month = months[key]!
            guard let current = month.current, let number = month.number(of: current.id), let json = uploads[current.id] else { continue }
            let warnings = FindingJSON.decode(json).filter(\.asksForExplanation)
            if !warnings.isEmpty { found.append((current, number, warnings)) }
        }
        let explanations = try await store.returns.explanations(ofVersions: found.map(\.0.id))
        let reviews = found.isEmpty ? [:] : ReviewStatus.all(try await store.returns.reviewEvents(county: county ?? scope.onlyCounty, period: period))
        var out: [VersionWarnings] = []
        for (version, number, warnings) in found {
            let status = reviews[ReviewStatus.Key(countyCode: version.countyCode, period: version.period)]
            out.append(
                VersionWarnings(
                    countyCode: version.countyCode, period: version.period, versionID: version.id, number: number,
                    items: ExplainedWarning.pair(warnings, with: explanations[version.id] ?? []),
                    approved: status?.state(ofVersion: version.id) == .approved))
        }
        return out
    }
}
