import FundWatchCore
import FundWatchDraw
import FundWatchExcel

/// The documents of a 双随机 draw and of its results (docs/DRAW.md, "Outputs"):
/// `draw-plan.html` and `draw-plan.xml` (工作方案 and 抽查名单, internal), `draw-list.csv` and
/// `.xlsx` (the 名单 with inspectors and items), and the public list without inspectors —
/// `draw-public.html`, `.xml`, `.csv`, `.xlsx`; for the results `draw-results.html`, `.csv`,
/// `.xlsx`. The XML is checked against its schema. The same plan gives the same bytes.
public struct DrawWriter: Sendable {
    public let templates: TemplateSet
    /// Who publishes: the bulletin's issuer (`[bulletin] issuer`).
    public var issuer: String

    public init(templates: TemplateSet, issuer: String = BulletinSettings.standard.issuer) {
        self.templates = templates
        self.issuer = issuer
    }

    /// The plan's file names, in the order written.
    public static let planFiles = [
        "draw-plan.html", "draw-plan.xml", "draw-list.csv", "draw-list.xlsx",
        "draw-public.html", "draw-public.xml", "draw-public.csv", "draw-public.xlsx",
    ]

    /// Writes the plan's files (with `only`, just those), in ``planFiles`` order; returns their names.
    public func write(_ plan: DrawPlan, into sink: any OutputSink, only: Set<String>? = nil) throws -> [String] {
        let wanted = { (name: String) in only?.contains(name) ?? true }
        let model = DrawPlanView(plan, issuer: issuer)
        let writer = ReportWriter(templates: templates)
        if wanted("draw-plan.html") { try sink.write("draw-plan.html", try templates.render("draw-plan.html", model)) }
        if wanted("draw-plan.xml") { try sink.write("draw-plan.xml", try writer.validXML("draw-plan", model)) }
        let listHead = [
            "序号", "县(区)代码", "县(区)", "机构编码", "机构名称", "机构类别", "风险分类", "分层", "分层抽取顺序",
            "检查人员1", "单位1", "检查人员2", "单位2", "检查事项",
        ]
        let listRows = plan.lots.map { lot -> [String] in
            [
                String(lot.number), lot.target.countyCode, lot.target.countyName, lot.target.code, lot.target.name, lot.target.category.label,
                lot.target.riskClass?.rawValue ?? "", lot.stratum, String(lot.drawOrder),
                lot.inspectors[0].name + "(" + lot.inspectors[0].id + ")", lot.inspectors[0].unit,
                lot.inspectors[1].name + "(" + lot.inspectors[1].id + ")", lot.inspectors[1].unit,
                lot.items.map(\.title).joined(separator: ";"),
            ]
        }
        let title = "\(plan.parameters.period) 医保基金双随机抽查名单"
        if wanted("draw-list.csv") {
            try sink.write("draw-list.csv", Self.csv(title, listHead, listRows, note: "随机种子 \(plan.parameters.seed);输入摘要 \(plan.digests.inputs)"))
        }
        if wanted("draw-list.xlsx") {
            try sink.write("draw-list.xlsx", try Self.workbook(title, listHead, listRows, day: plan.parameters.period.firstDay))
        }
        if wanted("draw-public.html") { try sink.write("draw-public.html", try templates.render("draw-public.html", model)) }
        if wanted("draw-public.xml") { try sink.write("draw-public.xml", try writer.validXML("draw-public", model)) }
        let window = plan.parameters.window
        let publicHead = ["序号", "县(区)", "机构名称", "机构编码", "机构类别", "检查事项", "检查时间"]
        let publicRows = plan.lots.map { lot -> [String] in
            [
                String(lot.number), lot.target.countyName, lot.target.name, lot.target.code, lot.target.category.label,
                lot.items.isEmpty ? "医保基金使用情况" : lot.items.map(\.title).joined(separator: ";"), "\(window.from) 至 \(window.to)",
            ]
        }
        let publicTitle = "\(plan.parameters.period) 医保基金双随机抽查对象公示"
        if wanted("draw-public.csv") {
            try sink.write(
                "draw-public.csv", Self.csv(publicTitle, publicHead, publicRows, note: "随机种子 \(plan.parameters.seed);输入摘要 \(plan.digests.inputs)"))
        }
        if wanted("draw-public.xlsx") {
            try sink.write("draw-public.xlsx", try Self.workbook(publicTitle, publicHead, publicRows, day: plan.parameters.period.firstDay))
        }
        return Self.planFiles.filter(wanted)
    }

    public func write(_ results: DrawResults, into sink: any OutputSink) throws -> [String] {
        let model = DrawResultsView(results, issuer: issuer)
        try sink.write("draw-results.html", try templates.render("draw-results.html", model))
        let head = ["序号", "县(区)", "机构名称", "机构编码", "机构类别", "状态", "检查日期", "检查结果及处理", "可公示"]
        let rows =
            results.results.map { r in
                [
                    String(r.lot.number), r.lot.target.countyName, r.lot.target.name, r.lot.target.code, r.lot.target.category.label,
                    r.status.label, r.inspectedOn?.description ?? "", r.outcome, r.isFinal ? "是" : "否",
                ]
            }
            + results.undrawn.map { u in
                ["", u.countyCode, u.institutionName, u.institutionCode, "", "名单外的双随机检查", u.inspectedOn.description, "", "否"]
            }
        let title = "\(results.parameters.period) 医保基金双随机抽查结果(截至 \(results.asOf))"
        try sink.write("draw-results.csv", Self.csv(title, head, rows, note: "输入摘要 \(results.inputsDigest)"))
        try sink.write("draw-results.xlsx", try Self.workbook(title, head, rows, day: results.asOf))
        return ["draw-results.html", "draw-results.csv", "draw-results.xlsx"]
    }

    // MARK: Models and formats

    /// The procedure as the plan prints it (docs/DRAW.md has it in full).
    static let procedure = [
        "密钥 key = SHA-256(种子的 UTF-8 字节 ‖ 0x00 ‖ 全部输入摘要的 64 位十六进制字符)。",
        "每个用途一个随机流:第 i 块 = SHA-256(key ‖ 标签 ‖ 0x00 ‖ i 的 8 字节大端),每块依次给出 4 个 64 位整数(大端)。分层的标签为 stratum|分层,检查人员的标签为 inspectors|机构编码。",
        "取 [0, m) 的随机数:取下一个 64 位整数 x,若 x < 2^64 − (2^64 mod m) 则结果为 x mod m,否则舍弃再取。",
        "每层机构按编码排序,按 Fisher–Yates 方法抽取:第 i 步(i 从 0 起)把第 i 位与第 i + 随机数(n − i) 位交换,前 k 位即抽中对象;近期已抽的机构排在后面,仅在不足时抽取。",
        "抽中对象按县(区)和机构编码排序;为每个对象依次抽两名检查人员:须具备资格、交叉检查时不属本县(区)、两人不同单位、任务数未达上限,在任务最少者中随机抽取。",
        "检查事项为适用于该机构类别的全部事项。任何人用相同的种子和输入可重新计算,结果完全相同(fundwatch draw --verify)。",
    ]

    static func csv(_ title: String, _ head: [String], _ rows: [[String]], note: String) -> [UInt8] {
        var out = CSVCell.byteOrderMark
        func line(_ fields: [String]) { CSVCell.appendLine(fields, to: &out) }
        line([title])
        line(head)
        for row in rows { line(row) }
        line([])
        line([note])
        return out
    }

    static func workbook(_ title: String, _ head: [String], _ rows: [[String]], day: Day) throws -> [UInt8] {
        let book = try ExcelWorkbook(created: Int(day.ordinal) * 86_400, title: title)
        let sheet = try book.addSheet("名单")
        let last = head.count - 1
        try sheet.merge(0, 0, 0, last, title, ReportWorkbook.title)
        for (c, h) in head.enumerated() { try sheet.text(1, c, h, ReportWorkbook.head) }
        for (r, row) in rows.enumerated() {
            for (c, value) in row.enumerated() {
                if c == 0, let n = Int(value) {
                    try sheet.number(r + 2, c, Double(n), ReportWorkbook.number(.integer, total: false))
                } else {
                    try sheet.text(r + 2, c, value, ReportWorkbook.text)
                }
            }
        }
        for c in 0...last {
            let longest = ([head[c]] + rows.map { c < $0.count ? $0[c] : "" }).map(\.count).max() ?? 4
            try sheet.columns(c, c, width: min(50, max(6, Double(longest) * 1.9 + 2)))
        }
        sheet.freeze(rows: 2)
        try sheet.printSetup(landscape: true, repeatRows: 1...1)
        return try book.bytes()
    }
}
