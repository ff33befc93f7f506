import FundWatchCore
import FundWatchDraw
import FundWatchInput
import FundWatchPipeline
import FundWatchReports
import FundWatchReturns
import FundWatchReturnsStore
import Hummingbird

/// The 双随机 draws in the portal. The city runs a draw on the store's returns with an
/// uploaded inspectors list (kept as a draft), looks at its documents, and publishes it;
/// a county sees only published draws, and in them only its own targets, their inspectors
/// and items, and their results. Every document is rendered from the stored plan, byte for
/// byte what `fundwatch draw` writes for the same inputs and seed.
struct DrawRoutes: Sendable {
    let core: PortalCore

    func add(to router: Router<PortalContext>) {
        router.get("/draws") { _, context in try await list(context) }
        router.post("/draws") { request, context in try await run(request, context) }
        router.post("/draws/:id/publish") { request, context in try await publish(request, context) }
        router.get("/draws/:id/results") { request, context in try await results(request, context) }
        router.get("/draws/:id/:file") { _, context in try await document(context) }
        router.get("/counties/:county/draws") { _, context in try await countyPage(context) }
    }

    private func drawID(_ context: PortalContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else { throw HTTPError(.notFound, message: "没有这次抽查 (no such draw)") }
        return id
    }

    private func stored(_ id: Int64) async throws -> StoredDraw { try await core.returns.draws.draw(id: id) }

    private func plan(_ draw: StoredDraw) async throws -> DrawPlan { try await core.returns.draws.plan(of: draw) }

    // MARK: The city

    private func list(_ context: PortalContext) async throws -> Response {
        let identity = try context.require(.city)
        let draws = try await core.returns.draws.list(publishedOnly: false)
        let page = DrawsPage(
            period: core.today.yearMonth.description,
            draws: draws.map { d in
                DrawsPage.Draw(
                    id: Int(d.id), period: d.period.description, seed: d.seed, digestShort: String(d.inputsDigest.prefix(12)),
                    createdAt: Timestamp.chinaStandardTime(d.createdAt), actor: d.actor, published: d.publishedAt != nil,
                    publishedAt: d.publishedAt.map(Timestamp.chinaStandardTime) ?? "", resultsTo: core.today.yearMonth.previous.description,
                    files: DrawWriter.planFiles.map { DrawsPage.File(name: $0, id: Int(d.id)) })
            })
        return PageResponse.html(core.page("draws", title: "双随机抽查", for: identity, page))
    }

    private func run(_ request: Request, _ context: PortalContext) async throws -> Response {
        let identity = try context.require(.city)
        let form = try await FormFields.read(request, limit: core.settings.portal.maxUploadMiB * 1_048_576)
        try Forms.checkCSRF(form, identity)
        let period = try DateParameter.requiredMonth(form["period"], name: "period")
        let seed = form["seed"].trimmingCharacters(in: .whitespaces)
        guard !seed.isEmpty else { throw HTTPError(.badRequest, message: "请填写事先公开的随机种子 (the seed is required)") }
        guard let ratio = Int(form["ratio"].isEmpty ? "5" : form["ratio"]), (1...100).contains(ratio) else {
            throw HTTPError(.badRequest, message: "比例应为 1–100 的整数 (ratio must be 1–100)")
        }
        guard let inspectors = form.files["inspectors"], !inspectors.bytes.isEmpty else {
            throw HTTPError(.badRequest, message: "请上传检查人员名录 (the inspectors list is required)")
        }
        func upload(_ name: String) -> SubmissionInput? {
            form.files[name].flatMap { $0.bytes.isEmpty ? nil : .memory(name: Forms.baseName($0.name), bytes: $0.bytes) }
        }
        let parameters = DrawParameters(period: period, seed: seed, ratioPercent: ratio, settings: core.settings.draw)
        // Earlier published draws count for the exclusion of recent targets.
        let previous = try await core.returns.draws.previous(before: period)
        let files = DrawFiles(
            inspectors: .memory(name: Forms.baseName(inspectors.name), bytes: inspectors.bytes), risk: upload("risk"),
            items: upload("items"), previousDraws: previous)
        let plan: DrawPlan
        do {
            plan = try await core.pipeline.makeDraw(core.returns.source(), parameters: parameters, files: files)
        } catch {
            if case .invalidList(let findings) = error {
                try await core.audit(
                    identity.user.name, "draw", "rejected", "\(period) lists have \(findings.count) error(s)", address: context.address)
                let page = DrawRefusedPage(findings: findings.map { FindingRow($0).view }, omitted: nil)
                return PageResponse.html(core.page("draw-refused", title: "抽查名录有误", for: identity, page), status: .unprocessableContent)
            }
            throw error
        }
        let stored = try await core.returns.draws.keep(plan, actor: identity.user.name, address: context.address)
        return .redirect(to: "/draws#draw-\(stored.id)", type: .normal)
    }

    private func publish(_ request: Request, _ context: PortalContext) async throws -> Response {
        let identity = try context.require(.city)
        let form = try await FormFields.read(request, limit: 1 << 16)
        try Forms.checkCSRF(form, identity)
        let draw = try await stored(try drawID(context))
        try await core.returns.draws.publish(draw, by: identity.user.name, address: context.address)
        return .redirect(to: "/draws#draw-\(draw.id)", type: .normal)
    }

    private func document(_ context: PortalContext) async throws -> Response {
        let identity = try context.require(.city)
        let name = context.parameters.get("file") ?? ""
        guard DrawWriter.planFiles.contains(name) else { throw HTTPError(.notFound, message: "没有这个文件 (no such file)") }
        let draw = try await stored(try drawID(context))
        let documents = try await core.pipeline.drawDocuments(try await plan(draw), only: [name])
        try await core.audit(identity.user.name, "download", "ok", "draw #\(draw.id) \(name)", address: context.address)
        let ext = String(name.split(separator: ".").last ?? "")
        return PageResponse.download(
            documents.bytes(of: name) ?? [], name: "\(draw.period)-\(name)", type: Reports.types[ext] ?? "application/octet-stream")
    }

    private func results(_ request: Request, _ context: PortalContext) async throws -> Response {
        let identity = try context.require(.city)
        let draw = try await stored(try drawID(context))
        let month = try DateParameter.month(request.uri.queryParameters["to"].map(String.init), name: "to") ?? core.today.yearMonth.previous
        let format = request.uri.queryParameters["format"].map(String.init) ?? "html"
        guard ["html", "csv", "xlsx"].contains(format) else { throw HTTPError(.badRequest, message: "format 应为 html、csv 或 xlsx") }
        let sink = MemorySink()
        _ = try await core.pipeline.write(
            try await core.pipeline.drawResults(core.returns.source(), plan: try await plan(draw), to: month), into: sink)
        try await core.audit(identity.user.name, "download", "ok", "draw #\(draw.id) results to \(month) \(format)", address: context.address)
        return PageResponse.download(
            sink.bytes(of: "draw-results.\(format)") ?? [], name: "\(draw.period)-draw-results-\(month).\(format)",
            type: Reports.types[format] ?? "application/octet-stream")
    }

    // MARK: A county

    /// The county's own targets in each published draw, with inspectors, items and results.
    private func countyPage(_ context: PortalContext) async throws -> Response {
        let code = try PathParameter.county(context)
        let identity = try context.require(.county(code))
        let month = core.today.yearMonth.previous
        var draws: [CountyDrawsPage.Draw] = []
        for draw in try await core.returns.draws.list(publishedOnly: true) {
            var own = try await plan(draw)
            own.lots = own.lots.filter { $0.target.countyCode == code }
            // Only this county's returns are read.
            let results = try await core.pipeline.drawResults(core.returns.source(), plan: own, to: month, county: code)
            let window = own.parameters.window
            draws.append(
                CountyDrawsPage.Draw(
                    id: Int(draw.id), period: draw.period.description, seed: draw.seed, windowFrom: window.from.description,
                    windowTo: window.to.description, publishedAt: draw.publishedAt.map(Timestamp.chinaStandardTime) ?? "",
                    asOf: month.lastDay.description,
                    targets: results.results.map { r in
                        CountyDrawsPage.Target(
                            number: r.lot.number, code: r.lot.target.code, name: r.lot.target.name, categoryLabel: r.lot.target.category.label,
                            inspectors: r.lot.inspectors.map { "\($0.name)(\($0.unit))" }.joined(separator: "、"),
                            items: r.lot.items.map(\.title).joined(separator: ";"), statusLabel: r.status.label, status: r.status.rawValue,
                            outcome: r.outcome)
                    },
                    undrawn: results.undrawn.filter { $0.countyCode == code }.map {
                        CountyDrawsPage.Undrawn(code: $0.institutionCode, name: $0.institutionName, on: $0.inspectedOn.description)
                    }))
        }
        let page = CountyDrawsPage(countyCode: code, draws: draws)
        return PageResponse.html(core.page("county-draws", title: "双随机抽查", for: identity, page))
    }
}
