import FundWatchCore
import FundWatchPipeline
import FundWatchReports
import FundWatchReturns
import FundWatchReturnsStore
import FundWatchZip
import Hummingbird

/// The city's pages: the dashboard (counties × months: timeliness and review state), the
/// notices about to be or already overdue, and report downloads that are byte for byte
/// what `fundwatch report --db` writes for the same store, window and `--as-of`.
struct CityRoutes: Sendable {
    let core: PortalCore

    func add(to router: Router<PortalContext>) {
        router.get("/dashboard") { request, context in try await dashboard(request, context) }
        router.get("/warnings") { request, context in try await warnings(request, context) }
        router.get("/reports") { _, context in
            let identity = try context.require(.city)
            let month = core.today.yearMonth.previous
            let page = ReportsPage(from: month.january.description, to: month.description, asOf: "")
            return PageResponse.html(core.page("reports", title: "报表与文书", for: identity, page))
        }
        router.get("/reports/download") { request, context in try await download(.report, request, context) }
        for kind in Reports.Kind.allCases where kind != .report {
            router.get("/reports/\(kind.rawValue)") { request, context in try await download(kind, request, context) }
        }
    }

    /// A city document, audited, as a download.
    private func download(_ kind: Reports.Kind, _ request: Request, _ context: PortalContext) async throws -> Response {
        let identity = try context.require(.city)
        let file = try await Reports(core: core).render(kind, Reports.Query(request.uri.queryParameters))
        try await core.audit(identity.user.name, "download", "ok", "\(kind.rawValue) \(file.name)", address: context.address)
        return PageResponse.download(file.bytes, name: file.name, type: file.type)
    }

    /// The city's list of plausibility warnings: `period` (a month) and `open=true` filter it;
    /// `format=csv` downloads it.
    private func warnings(_ request: Request, _ context: PortalContext) async throws -> Response {
        let identity = try context.require(.city)
        let q = request.uri.queryParameters
        let period = try DateParameter.month(q["period"].map(String.init), name: "period")
        let openOnly = q["open"] == "true"
        var list = try await core.returns.currentWarnings(in: identity.scope, period: period)
        let reviews = try await core.returns.scoped(identity.scope).reviews(county: nil)
        let awaiting = list.filter(\.awaitsExplanation).count, total = list.count
        if openOnly { list = list.filter(\.awaitsExplanation) }
        let rows = list.map { w in
            let review = reviews[ReviewStatus.Key(countyCode: w.countyCode, period: w.period)]
            let state = review?.state(ofVersion: w.versionID)
            let awaits = w.awaitsExplanation
            return WarningsPage.Row(
                countyCode: w.countyCode, countyName: core.settings.counties.display(w.countyCode), period: w.period.description,
                version: w.number, stateCode: awaits ? VersionWarnings.awaitingState.code : state?.rawValue ?? "none",
                stateLabel: awaits ? VersionWarnings.awaitingState.label : state?.label ?? "未送审", total: w.items.count, open: w.open, isOpen: awaits,
                explainers: w.explainers.joined(separator: "、"),
                rules: Rule.plausibility.compactMap { rule in
                    let n = w.items.count { $0.warning.rule == rule.id }
                    return n == 0 ? nil : "\(rule.id.dropFirst("plausibility.".count)) \(n)"
                }.joined(separator: ";"))
        }
        var query = [String]()
        if let period { query.append("period=\(period)") }
        if openOnly { query.append("open=true") }
        if q["format"] == "csv" {
            var out = CSVCell.byteOrderMark
            CSVCell.appendLine(["县区代码", "县区", "期别", "版本", "审核状态", "提示", "待说明", "规则", "说明人"], to: &out)
            for r in rows {
                CSVCell.appendLine(
                    [r.countyCode, r.countyName, r.period, String(r.version), r.stateLabel, String(r.total), String(r.open), r.rules, r.explainers],
                    to: &out)
            }
            try await core.audit(identity.user.name, "download", "ok", "warnings \(query.joined(separator: "&"))", address: context.address)
            return PageResponse.download(out, name: "核实性审核提示\(period.map { "-\($0)" } ?? "").csv", type: "text/csv; charset=utf-8")
        }
        let page = WarningsPage(
            period: period?.description ?? "", openOnly: openOnly, returns: total, awaiting: awaiting, rows: rows,
            csv: "/warnings?" + (query + ["format=csv"]).joined(separator: "&"))
        return PageResponse.html(core.page("warnings", title: "核实性审核提示", for: identity, page))
    }

    /// The dashboard: the body (grid, notices, headline figures) is the same for every city
    /// user, so it is rendered once per store revision, year and day and kept; each request
    /// costs the session lookup, the revision query and the page's head.
    private func dashboard(_ request: Request, _ context: PortalContext) async throws -> Response {
        let identity = try context.require(.city)
        let today = core.today
        let year =
            request.uri.queryParameters["year"].flatMap { Int($0) }.flatMap { (2000...2100).contains($0) ? $0 : nil } ?? today.yearMonth.previous.year
        let revision = try await core.returns.revision()
        let core = self.core
        let content = try await core.cache.page("dashboard/\(identity.scope)/\(revision)/\(year)/\(today)") {
            core.pages.render("dashboard", try await dashboardValues(scope: identity.scope, year: year, today: today))
        }
        let head = core.page("head", title: "报送总览", for: identity, NoModel()), foot = core.page("foot", title: "报送总览", for: identity, NoModel())
        return PageResponse.html(head + content + foot)
    }

    /// What the dashboard's body shows: counties × months with timeliness and review state,
    /// overdue and soon-due notices, the year's headline figures.
    private func dashboardValues(scope: Scope, year: Int, today: Day) async throws -> DashboardBody {
        let policy = core.settings.policy
        let data = core.returns.scoped(scope)
        let versions = try await data.versions(county: nil, period: nil)
        let reviews = try await data.reviews(county: nil)
        let counties = try await data.counties(registered: core.settings.counties)
        let warned = try await core.returns.currentWarnings(in: scope)
        let awaiting = Set(warned.filter(\.awaitsExplanation).map(\.versionID))
        let byMonth = Dictionary(grouping: versions) { ReviewStatus.Key(countyCode: $0.countyCode, period: $0.period) }
        let months = (1...12).compactMap { YearMonth(year: year, month: $0) }
        let rows = counties.map { county in
            DashboardBody.County(
                code: county.code, name: county.name,
                cells: months.map { month in
                    let key = ReviewStatus.Key(countyCode: county.code, period: month)
                    let list = byMonth[key] ?? []
                    let timeliness = Timeliness(firstSubmittedOn: list.map(\.submittedOn).min(), month: month, policy: policy, asOf: today)
                    // The state of the month's current version (the core's one rule), as on the county's page.
                    let current = list.current
                    let review = reviews[key]
                    // 待说明: received, with a plausibility warning nobody has explained.
                    let awaits = current.map { awaiting.contains($0.id) } ?? false
                    return DashboardBody.Cell(
                        code: county.code, period: month.description, timelinessCode: timeliness.code, timelinessLabel: timeliness.label,
                        stateCode: awaits ? VersionWarnings.awaitingState.code : current.map { review?.code(ofVersion: $0.id) ?? "none" } ?? "none",
                        stateLabel: awaits ? VersionWarnings.awaitingState.label : current.map { review?.label(ofVersion: $0.id) ?? "未送审" })
                })
        }
        let soon = try await Notices(core: core).register(scope: scope, asOf: today)
            .filter { $0.status == .overdue || ($0.status == .due && ($0.daysLeft ?? 99) <= 3) }
        let tipoffs = try await Tipoffs(core: core).register(scope: scope, asOf: today).filter { Tipoffs.needsAttention($0, within: 3) }
        // The headline figures: year to date up to the latest month any county sent.
        var headline: DashboardBody.Headline?
        if let latest = versions.map(\.period).max() {
            let window = Window.yearToDate(latest)
            let core = self.core
            let city = try await core.cache.metrics(
                DerivedCache.key(versionCount: versions.count, lastID: versions.map(\.id).max(), window.description)
            ) {
                try await core.pipeline.metrics(core.returns.source(), window: window)
            }
            let keys: [MetricKey] = [
                .designated, .inspected, .coverageRate, .handledCases, .amountInvolved, .refusedRecovered, .suspensions, .policeTransfers,
            ]
            headline = DashboardBody.Headline(
                window: "\(window.from) 至 \(window.to)",
                figures: keys.map { key in
                    FigureRow(
                        label: key.label, unit: key.unit, value: key.value(in: city.city).display, link: "/figures/\(key.rawValue)?to=\(latest)")
                }, revisions: "/reports/revisions?to=\(latest)")
        }
        var years = Set(versions.map(\.period.year))
        years.insert(year)
        return DashboardBody(
            year: year, years: years.sorted().map { DashboardBody.Year(year: $0, current: $0 == year) },
            monthHeads: (1...12).map { DashboardBody.MonthHead(label: "\($0)月") }, rows: rows, dueDay: policy.returnDueDay,
            notices: NoticeList.of(soon.map { Notices.row($0, asOf: today) }),
            tipoffs: TipoffList.of(tipoffs.map { Tipoffs.row($0, countyName: core.settings.counties.display($0.countyCode)) }), headline: headline,
            warnings: warned.isEmpty ? nil : DashboardBody.Warnings(returns: warned.count, awaiting: awaiting.count))
    }
}
