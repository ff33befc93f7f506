import FundWatchCore
import FundWatchPipeline
import FundWatchReturns
import Hummingbird

/// Drill-down: a county's table 1 figures (year to date, the report's definitions), each
/// linking to the register rows that make it; and for the city, one figure across counties.
struct FigureRoutes: Sendable {
    let core: PortalCore

    func add(to router: Router<PortalContext>) {
        router.get("/counties/:county/figures") { request, context in try await countyFigures(request, context) }
        router.get("/counties/:county/figures/:metric") { request, context in try await rows(request, context) }
        router.get("/figures/:metric") { request, context in try await cityFigure(request, context) }
    }

    private func metric(_ context: PortalContext) throws -> MetricKey {
        guard let key = context.parameters.get("metric").flatMap(MetricKey.init(rawValue:)) else {
            throw HTTPError(.notFound, message: "没有这个指标 (no such figure)")
        }
        return key
    }

    /// `?to=YYYY-MM`, else the latest month `code` (or anyone, for nil) sent.
    private func month(_ request: Request, county: String?, scope: Scope) async throws -> YearMonth {
        if let month = try DateParameter.month(request.uri.queryParameters["to"].map(String.init), name: "to") { return month }
        let versions = try await core.returns.scoped(scope).versions(county: county, period: nil)
        return versions.map(\.period).max() ?? core.today.yearMonth.previous
    }

    private func countyFigures(_ request: Request, _ context: PortalContext) async throws -> Response {
        let code = try PathParameter.county(context)
        let identity = try context.require(.county(code))
        let to = try await month(request, county: code, scope: identity.scope)
        let window = Window.yearToDate(to)
        let submission = try await core.returns.scoped(identity.scope).chosenSubmission(county: code, for: to, pipeline: core.pipeline)
        let metrics = submission.map { Metrics(submission: $0, window: window) }
        let page = FiguresPage(
            heading: "\(core.settings.counties.display(code))(\(code))表1指标", window: "\(window.from) 至 \(window.to)", to: to.description,
            action: "/counties/\(code)/figures",
            rows: MetricKey.allCases.map { key in
                FigureRow(
                    label: key.label, unit: key.unit, value: metrics.map { key.value(in: $0).display } ?? "未报",
                    link: metrics == nil ? nil : "/counties/\(code)/figures/\(key.rawValue)?to=\(to)")
            })
        return PageResponse.html(core.page("figures", title: "表1指标", for: identity, page))
    }

    private func rows(_ request: Request, _ context: PortalContext) async throws -> Response {
        let code = try PathParameter.county(context), key = try metric(context)
        let identity = try context.require(.county(code))
        let to = try await month(request, county: code, scope: identity.scope)
        let window = Window.yearToDate(to)
        guard let submission = try await core.returns.scoped(identity.scope).chosenSubmission(county: code, for: to, pipeline: core.pipeline) else {
            throw HTTPError(.notFound, message: "\(code) 截至 \(to) 尚无报表 (nothing sent)")
        }
        let rows = MetricRows(key, in: submission, window: window)
        let names = Dictionary(submission.institutions.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let page = FigureRowsPage(
            heading: "\(key.label):构成明细", countyName: core.settings.counties.display(code), countyCode: code,
            window: "\(window.from) 至 \(window.to)", to: to.description, submittedOn: submission.header.submittedOn.description,
            value: key.value(in: Metrics(submission: submission, window: window)).display, unit: key.unit,
            hasRows: !(rows.institutions.isEmpty && rows.inspections.isEmpty && rows.cases.isEmpty),
            hasInstitutions: !rows.institutions.isEmpty, institutionCount: rows.institutions.count,
            institutions: rows.institutions.map {
                FigureRowsPage.Institution(code: $0.code, name: $0.name, category: $0.category.label, status: $0.agreementStatus.label)
            },
            hasInspections: !rows.inspections.isEmpty, inspectionCount: rows.inspections.count,
            inspections: rows.inspections.map {
                FigureRowsPage.Inspection(
                    institution: "\($0.institutionCode) \(names[$0.institutionCode] ?? "")", day: $0.inspectedOn.description, method: $0.method.label,
                    problems: $0.problemsFound ? "是" : "否")
            },
            hasCases: !rows.cases.isEmpty, caseCount: rows.cases.count,
            cases: rows.cases.map { c in
                FigureRowsPage.Case(
                    caseID: c.caseID, institution: "\(c.institutionCode) \(names[c.institutionCode] ?? "")", opened: c.openedOn.description,
                    closed: c.closedOn?.description ?? "", source: c.source.label, involved: c.amountInvolved.yuanString,
                    refused: (c.amountRefused + c.amountRecovered).yuanString, fines: (c.damages + c.fine).yuanString,
                    refund: c.voluntaryRefund.yuanString, actions: c.actions.map(\.label).joined(separator: "、"))
            })
        return PageResponse.html(core.page("figure-rows", title: key.label, for: identity, page))
    }

    private func cityFigure(_ request: Request, _ context: PortalContext) async throws -> Response {
        let identity = try context.require(.city)
        let key = try metric(context)
        let to = try await month(request, county: nil, scope: identity.scope)
        let window = Window.yearToDate(to)
        let city = try await core.pipeline.metrics(core.returns.source(), window: window)
        let page = CityFigurePage(
            heading: "\(key.label):各县区", window: "\(window.from) 至 \(window.to)", label: key.label, unit: key.unit,
            total: key.value(in: city.city).display,
            rows: city.counties.map { c in
                CityFigurePage.County(
                    code: c.countyCode, name: core.settings.counties.display(c.countyCode),
                    value: c.metrics.map { key.value(in: $0).display } ?? "未报",
                    link: c.metrics == nil ? nil : "/counties/\(c.countyCode)/figures/\(key.rawValue)?to=\(to)")
            })
        return PageResponse.html(core.page("city-figure", title: key.label, for: identity, page))
    }
}
