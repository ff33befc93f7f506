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
                    return DashboardBody.Cell(
                        code: county.code, period: month.description, timelinessCode: timeliness.code, timelinessLabel: timeliness.label,
                        stateCode: current.map { review?.code(ofVersion: $0.id) ?? "none" } ?? "none",
                        stateLabel: current.map { review?.label(ofVersion: $0.id) ?? "未送审" })
                })
        }
        let soon = try await Notices(core: core).register(scope: scope, asOf: today)
            .filter { $0.status == .overdue || ($0.status == .due && ($0.daysLeft ?? 99) <= 3) }
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
            notices: NoticeList.of(soon.map { Notices.row($0, asOf: today) }), headline: headline)
    }
}
