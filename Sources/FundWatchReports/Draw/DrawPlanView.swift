import FundWatchCore
import FundWatchDraw
import FundWatchTemplating

/// What the plan templates (`draw-plan.html` and `.xml`, `draw-public.html` and `.xml`)
/// have in scope: the parameters, digests, strata, counties, items, the procedure and the
/// lots with inspectors and items. These names are the contract with custom templates.
struct DrawPlanView: TemplateModel {
    let period: String
    let seed: String
    let ratio: Int
    let ratioA: Int
    let ratioB: Int
    let ratioC: Int
    let ratioD: Int
    let crossCounty: Bool
    let excludeMonths: Int
    let windowMonths: Int
    let windowFrom: String
    let windowTo: String
    let issuer: String
    /// The most lots one inspector may be given.
    let cap: Int
    let riskUsed: Bool
    let digests: [Digest]
    let inputsDigest: String
    let strata: [Stratum]
    let counties: [County]
    let hasItems: Bool
    let itemList: [Item]
    let procedure: [Step]
    let lots: [Lot]

    struct Digest: TemplateModel {
        let name: String
        let value: String
    }

    struct Stratum: TemplateModel {
        let key: String
        let county: String
        let category: String
        let categoryLabel: String
        let risk: String?
        let riskLabel: String
        let size: Int
        let excluded: Int
        let ratio: Int
        let required: Int
    }

    struct County: TemplateModel {
        let code: String
        let name: String
        let institutions: Int
        let drawn: Int
        let share: String
    }

    /// A check item in the plan's list.
    struct Item: TemplateModel {
        let id: String
        let title: String
        let categoryLabel: String
    }

    /// A step of the procedure.
    struct Step: TemplateModel {
        let text: String
    }

    struct Lot: TemplateModel {
        let number: Int
        let stratum: String
        let drawOrder: Int
        let county: String
        let countyName: String
        let code: String
        let name: String
        let category: String
        let categoryLabel: String
        let risk: String?
        let riskLabel: String
        let inspectors: [Inspector]
        let items: [LotItem]
    }

    struct Inspector: TemplateModel {
        let id: String
        let name: String
        let county: String
        let unit: String
    }

    /// A check item of a lot.
    struct LotItem: TemplateModel {
        let id: String
        let title: String
        let category: String?
    }

    init(_ plan: DrawPlan, issuer: String) {
        let p = plan.parameters, window = p.window
        let qualified = Set(plan.lots.flatMap { $0.inspectors.map(\.id) }).count
        var items: [String: CheckItem] = [:]
        for item in plan.lots.flatMap(\.items) { items[item.id] = item }
        period = p.period.description
        seed = p.seed
        ratio = p.ratioPercent
        ratioA = p.classRatios[.a] ?? p.ratioPercent
        ratioB = p.classRatios[.b] ?? p.ratioPercent
        ratioC = p.classRatios[.c] ?? p.ratioPercent
        ratioD = p.classRatios[.d] ?? p.ratioPercent
        crossCounty = p.crossCounty
        excludeMonths = p.excludeMonths
        windowMonths = p.windowMonths
        windowFrom = window.from.description
        windowTo = window.to.description
        self.issuer = issuer
        cap = qualified == 0 ? 0 : (2 * plan.lots.count + qualified - 1) / qualified + 1
        riskUsed = plan.strata.contains { $0.riskClass != nil }
        digests = plan.digests.all.map { Digest(name: $0.name, value: $0.value) }
        inputsDigest = plan.digests.inputs
        strata = plan.strata.map { s in
            Stratum(
                key: s.key, county: s.countyCode, category: s.category.rawValue, categoryLabel: s.category.label, risk: s.riskClass?.rawValue,
                riskLabel: s.riskClass?.rawValue ?? "未分类", size: s.size, excluded: s.excluded, ratio: s.ratioPercent, required: s.required)
        }
        counties = plan.counties.map {
            County(code: $0.code, name: $0.name, institutions: $0.institutions, drawn: $0.drawn, share: Rate($0.drawn, of: $0.institutions).display)
        }
        hasItems = !items.isEmpty
        itemList = items.values.sorted { $0.id < $1.id }.map { Item(id: $0.id, title: $0.title, categoryLabel: $0.category?.label ?? "全部") }
        procedure = DrawWriter.procedure.map { Step(text: $0) }
        lots = plan.lots.map { lot in
            Lot(
                number: lot.number, stratum: lot.stratum, drawOrder: lot.drawOrder, county: lot.target.countyCode,
                countyName: lot.target.countyName, code: lot.target.code, name: lot.target.name, category: lot.target.category.rawValue,
                categoryLabel: lot.target.category.label, risk: lot.target.riskClass?.rawValue, riskLabel: lot.target.riskClass?.rawValue ?? "未分类",
                inspectors: lot.inspectors.map { Inspector(id: $0.id, name: $0.name, county: $0.countyCode, unit: $0.unit) },
                items: lot.items.map { LotItem(id: $0.id, title: $0.title, category: $0.category?.rawValue) })
        }
    }
}
