import FundWatchCore
import FundWatchPipeline
import FundWatchReturns
import FundWatchReturnsStore
import Hummingbird

/// A county's pages: its returns with review states, its deadline and notices, the upload
/// form and the 审核报告 of every attempt. The county clerk sees only their own county
/// (``Requirement/county(_:)``); the city sees every county and may upload on its behalf.
struct CountyRoutes: Sendable {
    let core: PortalCore

    func add(to router: Router<PortalContext>) {
        router.get("/counties/:county") { _, context in try await countyPage(context) }
        router.post("/counties/:county/uploads") { request, context in try await upload(request, context) }
        router.get("/uploads/:id") { _, context in try await uploadPage(context) }
        router.get("/uploads/:id/findings.csv") { _, context in
            let (_, record) = try await uploadRecord(context)
            try await core.audit(context.identity!.user.name, "download", "ok", "findings of upload #\(record.id)", address: context.address)
            return PageResponse.download(
                FindingRow.csv(FindingRow.decode(record.findingsJSON)), name: "审核报告-\(record.id).csv", type: "text/csv; charset=utf-8")
        }
        router.get("/counties/:county/notice") { request, context in
            let code = try PathParameter.county(context)
            let identity = try context.require(.county(code))
            guard let caseID = request.uri.queryParameters["case"].map(String.init), !caseID.isEmpty else {
                throw HTTPError(.badRequest, message: "缺少案件编号 case (case is required)")
            }
            let file = try await Reports(core: core).notice(county: code, caseID: caseID, Reports.Query(request.uri.queryParameters))
            try await core.audit(identity.user.name, "download", "ok", "notice \(file.name)", address: context.address)
            return PageResponse.download(file.bytes, name: file.name, type: file.type)
        }
        router.get("/counties/:county/template.xlsx") { request, context in
            let code = try PathParameter.county(context)
            let identity = try context.require(.county(code))
            let today = core.today
            let period = try DateParameter.month(request.uri.queryParameters["period"].map(String.init), name: "period") ?? today.yearMonth.previous
            // Prefilled from this county's own latest return only.
            let bytes = try await core.pipeline.template(county: code, period: period, source: core.returns.source(), onlyCounty: true)
            try await core.audit(identity.user.name, "download", "ok", "template \(code) \(period)", address: context.address)
            return PageResponse.download(bytes, name: "填报模板-\(code)-\(period).xlsx", type: Reports.types["xlsx"]!)
        }
        router.post("/counties/:county/:period/review") { request, context in try await review(request, context) }
        router.post("/counties/:county/:period/explanations") { request, context in try await explain(request, context) }
    }

    private func countyPage(_ context: PortalContext) async throws -> Response {
        let code = try PathParameter.county(context)
        let identity = try context.require(.county(code))
        let data = core.returns.scoped(identity.scope)
        let versions = try await data.versions(county: code, period: nil)
        let reviews = try await data.reviews(county: code)
        let uploads = try await data.uploads(county: code, limit: 30)
        let policy = core.settings.policy, today = core.today
        let duePeriod = today.yearMonth.previous, due = policy.returnDue(for: duePeriod)
        let left = today.days(to: due)
        let sentForDue = versions.contains { $0.period == duePeriod }
        let dueText = sentForDue ? "已报送" : left > 0 ? "距截止还有 \(left) 天" : left == 0 ? "今天截止" : "已逾期 \(-left) 天"

        var periods = Set(versions.map(\.period))
        for key in reviews.keys { periods.insert(key.period) }
        let uploaded = try await data.uploadedFiles(county: code)
        let warnings = Dictionary(
            try await core.returns.currentWarnings(in: identity.scope, county: code).map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
        // For the city's review: each month under review against its version before.
        var changes: [YearMonth: [RegisterChange]] = [:]
        if identity.scope == .everyCounty {
            for period in periods {
                let list = versions.filter { $0.period == period }
                guard let current = list.current,
                    reviews[ReviewStatus.Key(countyCode: code, period: period)]?.state(ofVersion: current.id) == .received,
                    let before = list.filter({ $0.id != current.id }).current
                else { continue }
                changes[period] = RegisterChange.between(try await data.submission(before), try await data.submission(current))
            }
        }
        let months: [CountyPage.Month] = periods.sorted(by: >).map { period in
            let list = versions.filter { $0.period == period }
            let status = reviews[ReviewStatus.Key(countyCode: code, period: period)] ?? ReviewStatus(countyCode: code, period: period, events: [])
            let timeliness = Timeliness(firstSubmittedOn: list.map(\.submittedOn).min(), month: period, policy: policy, asOf: today)
            // Everything about the month is about its current version (the core's one rule).
            let current = list.current
            let state = current.flatMap { status.state(ofVersion: $0.id) }
            let monthWarnings = warnings[period].flatMap { $0.versionID == current?.id ? $0 : nil }
            let awaits = monthWarnings?.awaitsExplanation == true
            let monthChanges = (changes[period] ?? []).map {
                CountyPage.Change(label: $0.label, added: $0.added, removed: $0.removed, changed: $0.changed)
            }
            return CountyPage.Month(
                period: period.description, countyCode: code,
                stateCode: awaits ? VersionWarnings.awaitingState.code : current.map { status.code(ofVersion: $0.id) } ?? status.code,
                stateLabel: awaits ? VersionWarnings.awaitingState.label : current.map { status.label(ofVersion: $0.id) } ?? status.label,
                timelinessCode: timeliness.code, timelinessLabel: timeliness.label,
                lockMessage: status.isLocked ? "本月报表已由市局审核通过并锁定。如需更正,请上传新版本并填写更正说明,提交后重新进入待审核。" : nil,
                versions: list.enumerated().reversed().map { i, v in
                    CountyPage.Version(
                        number: i + 1, submittedOn: v.submittedOn.description, importedAt: Self.time(isoUTC: v.importedAt),
                        institutions: v.institutionCount, inspections: v.inspectionCount, cases: v.caseCount,
                        origin: Self.arrival(origin: v.origin, uploadedAs: uploaded[v.id]), digestShort: String(v.digest.prefix(12)),
                        current: v.id == current?.id, approved: status.events.contains { $0.state == .approved && $0.submissionID == v.id })
                },
                currentNumber: current.flatMap { list.number(of: $0.id) } ?? 0,
                history: status.events.map {
                    CountyPage.Event(at: Self.time($0.at), actor: $0.actor, stateLabel: $0.state.label, reason: $0.reason.nilIfEmpty)
                },
                canReview: identity.scope == .everyCounty && current != nil && state != .returned,
                canApprove: state == .received || state == nil,
                warnings: monthWarnings.map {
                    Self.warnings($0, canExplain: state != .approved && identity.user.role != .admin, forReviewer: identity.user.role != .county)
                },
                approveNeedsNote: awaits, changes: monthChanges, hasChanges: !monthChanges.isEmpty)
        }
        let returned = reviews.values.filter { $0.state == .returned }.sorted { $0.period > $1.period }.first.map { s in
            CountyPage.Returned(
                period: s.period.description, reason: s.returnReason ?? "", actor: s.events.last?.actor ?? "", at: Self.time(s.events.last?.at ?? 0))
        }
        let notices = try await Notices(core: core).register(scope: identity.scope, asOf: today).filter { $0.countyCode == code }
        // Tip-offs still in hand: a step pending, due or overdue.
        let tipoffs = try await Tipoffs(core: core).register(scope: identity.scope, asOf: today).filter { t in
            t.countyCode == code && t.deadlines.contains { [.due, .overdue, .pending].contains($0.status) }
        }
        let name = core.settings.counties.display(code)
        let page = CountyPage(
            countyName: name, countyCode: code, duePeriod: duePeriod.description, dueDay: due.description, dueText: dueText,
            dueClass: sentForDue ? "" : left < 0 ? "overdue" : left <= 3 ? "due-soon" : "", returned: returned, months: months,
            hasVersions: !versions.isEmpty, maxUploadMiB: core.settings.portal.maxUploadMiB, onBehalf: identity.user.role == .city,
            notices: NoticeList.of(notices.map { Notices.row($0, asOf: today) }),
            tipoffs: TipoffList.of(tipoffs.map { Tipoffs.row($0, countyName: name) }),
            uploads: uploads.map { u in
                CountyPage.Upload(
                    at: Self.time(u.at), actor: u.actor, onBehalf: u.onBehalf, fileName: u.fileName, outcomeLabel: Self.outcomeLabel(u.outcome),
                    id: Int(u.id))
            })
        return PageResponse.html(core.page("county", title: "\(name)(\(code))", for: identity, page))
    }

    private func upload(_ request: Request, _ context: PortalContext) async throws -> Response {
        let code = try PathParameter.county(context)
        let identity = try context.require(.county(code))
        let form = try await FormFields.read(request, limit: core.settings.portal.maxUploadMiB * 1_048_576)
        try Forms.checkCSRF(form, identity)
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            throw HTTPError(.badRequest, message: "请选择要上传的报表文件 (no file chosen)")
        }
        let answer = try await core.returns.receive(
            Upload(name: Forms.baseName(file.name), bytes: file.bytes, note: form["note"]),
            from: identity.user, address: context.address)
        core.log.upload(
            county: answer.header?.countyCode, period: answer.header?.period.description, outcome: answer.refusal == nil ? answer.code : "refused",
            version: answer.number, user: identity.user.name)
        let status: HTTPResponse.Status = answer.refusal.map(ErrorMiddleware.status(of:)) ?? (answer.isRejected ? .unprocessableContent : .ok)
        let rows = answer.findings.map(FindingRow.init)
        let page = UploadResultPage(
            fileName: Forms.baseName(file.name), countyCode: answer.header?.countyCode, countyName: answer.header?.countyName ?? "",
            period: answer.header?.period.description ?? "", rejected: answer.isRejected, accepted: !answer.isRejected,
            outcomeLabel: Self.outcomeLabel(answer.code), versionID: answer.isRejected ? nil : answer.version.map { Int($0.id) },
            versionNumber: answer.number ?? 0, digest: answer.digest, stateCode: answer.stateCode, stateLabel: answer.stateLabel,
            hasChanges: !answer.changes.isEmpty,
            changes: answer.changes.map { UploadResultPage.Change(label: $0.label, added: $0.added, removed: $0.removed, changed: $0.changed) },
            hasFindings: !rows.isEmpty, findings: rows.map(\.view), omitted: answer.omitted > 0 ? answer.omitted : nil,
            errorCount: rows.filter { $0.severity == "error" }.count, warningCount: rows.filter { $0.severity != "error" }.count,
            toExplain: answer.isRejected || answer.toExplain == 0 ? nil : answer.toExplain,
            uploadID: Int(answer.uploadID), backCounty: code)
        return PageResponse.html(core.page("upload-result", title: "审核报告", for: identity, page), status: status)
    }

    /// An upload record the caller may see (a clerk's own county's, or any for the city).
    private func uploadRecord(_ context: PortalContext) async throws -> (Identity, UploadRecord) {
        let identity = try context.require(.returns)
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            let record = try await core.returns.scoped(identity.scope).upload(id: id)
        else {
            throw HTTPError(.notFound, message: "没有这条上传记录 (no such upload)")
        }
        return (identity, record)
    }

    private func uploadPage(_ context: PortalContext) async throws -> Response {
        let (identity, record) = try await uploadRecord(context)
        let rows = FindingRow.decode(record.findingsJSON)
        let page = UploadViewPage(
            fileName: record.fileName, at: Self.time(record.at), actor: record.actor, onBehalf: record.onBehalf,
            outcomeLabel: Self.outcomeLabel(record.outcome), note: record.note, hasFindings: !rows.isEmpty, findings: rows.map(\.view),
            id: Int(record.id), backCounty: record.countyCode)
        return PageResponse.html(core.page("upload-view", title: "审核报告", for: identity, page))
    }

    private func review(_ request: Request, _ context: PortalContext) async throws -> Response {
        let code = try PathParameter.county(context)
        let identity = try context.require(.city)
        let period = try DateParameter.pathMonth(context.parameters.get("period"))
        let form = try await FormFields.read(request, limit: 64 * 1_024)
        try Forms.checkCSRF(form, identity)
        guard let action = ReviewAction(rawValue: form["action"]) else { throw HTTPError(.badRequest, message: "action must be approve or return") }
        _ = try await core.returns.review(
            action, county: code, period: period, version: Int(form["version"]), reason: form["reason"],
            by: identity.user, address: context.address)
        return PageResponse.redirect("/counties/\(code)")
    }

    /// A version's warnings as the county page shows them: each warning with its explanation
    /// (or a box for one), and for a rule with several open warnings a row explaining all.
    static func warnings(_ w: VersionWarnings, canExplain: Bool, forReviewer: Bool) -> CountyPage.Warnings {
        var items: [CountyPage.Warning] = []
        for item in w.items {
            let f = item.warning, e = item.explanation
            items.append(
                CountyPage.Warning(
                    index: items.count, rule: f.rule, key: f.key ?? "", fieldLabel: f.label ?? f.column ?? "", message: f.message,
                    expected: f.expected, explanation: e?.text, explainer: e?.actor ?? "", explainedAt: e.map { time($0.at) } ?? "",
                    canExplain: canExplain && e == nil, wholeRule: false))
        }
        if canExplain {
            let open = Dictionary(grouping: w.items.filter { $0.explanation == nil }, by: \.warning.rule)
            for rule in Rule.plausibility.map(\.id) {
                guard let list = open[rule], list.count > 1 else { continue }
                items.append(
                    CountyPage.Warning(
                        index: items.count, rule: rule, key: Explanation.everyKey, fieldLabel: "",
                        message: "一次说明本规则尚未说明的全部 \(list.count) 条提示", expected: "", explanation: nil, explainer: "",
                        explainedAt: "", canExplain: true, wholeRule: true))
            }
        }
        return CountyPage.Warnings(
            versionNumber: w.number, open: w.open > 0 ? w.open : nil, total: w.items.count, canExplain: canExplain && w.open > 0,
            forReviewer: forReviewer, items: items)
    }

    private func explain(_ request: Request, _ context: PortalContext) async throws -> Response {
        let code = try PathParameter.county(context)
        let identity = try context.require(.county(code))
        let period = try DateParameter.pathMonth(context.parameters.get("period"))
        let form = try await FormFields.read(request, limit: 1_048_576)
        try Forms.checkCSRF(form, identity)
        // Every row of the form (rule.N, key.N, text.N), in row order; a box left empty is no explanation.
        let rows = form.values.keys.compactMap { $0.hasPrefix("rule.") ? Int($0.dropFirst("rule.".count)) : nil }.sorted()
        let explanations = rows.map { Explanation(rule: form["rule.\($0)"], key: form["key.\($0)"], text: form["text.\($0)"]) }
            .filter { !$0.text.isEmpty }
        _ = try await core.returns.explain(
            explanations, county: code, period: period, version: Int(form["version"]), by: identity.user, address: context.address)
        return PageResponse.redirect("/counties/\(code)#\(period)")
    }

    static func outcomeLabel(_ outcome: String) -> String {
        switch outcome {
        case "new": "已接收(新报表)"
        case "new_version": "已接收(新版本)"
        case "unchanged": "内容与已存版本相同,未重复保存"
        default: "未通过校验,未保存"
        }
    }

    /// How a version arrived, as a county may see it: uploaded through the portal or its API,
    /// or imported on the command line, and the file's own name — never a server's path.
    static func arrival(origin: String, uploadedAs file: String?) -> String {
        if let file { return "平台上传 · " + file }
        let name = origin.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? origin
        return "命令行导入 · " + name
    }

    /// An import time (`YYYY-MM-DDTHH:MM:SSZ`) in China Standard Time; other text as it is.
    static func time(isoUTC text: String) -> String {
        Timestamp.seconds(utc: text).map(Timestamp.chinaStandardTime) ?? text
    }

    /// A clock reading as `YYYY-MM-DD HH:MM` in China Standard Time.
    static func time(_ seconds: Int64) -> String { Timestamp.chinaStandardTime(seconds) }
}
