import FundWatchCore
import FundWatchExcel
import FundWatchInput

/// The fill-in workbook (填报模板) a county clerk fills in Excel or WPS: a 填报说明 sheet,
/// the sheets 报送信息, 定点医药机构, 检查 and 案件 laid out as ``WorkbookLayout`` says
/// (title, 填报单位 and units, the Chinese labels, the field keys in a hidden row, then
/// unlocked input rows on a protected sheet without a password), a dropdown on every coded
/// field from the hidden 代码表 sheet through defined names, date and text formats per
/// column, the institutions register prefilled from the county's latest return, and a
/// hidden `_fundwatch` sheet naming the template and its version.
public struct ReturnTemplate: Sendable {
    public let countyCode: String
    public let countyName: String
    public let period: YearMonth
    public let due: Day
    public let contact: String
    /// The institutions to prefill, and where they came from (`990101 2026-02`), if any.
    public let institutions: [Institution]
    public let prefilledFrom: String?

    /// Rows offered for input below the prefilled ones (formats and dropdowns reach this far).
    static let inputRows = 2_000

    static let title = ExcelStyle(bold: true, fontSize: 14, alignment: .left, verticalCenter: true)
    static let meta = ExcelStyle(fontSize: 10)
    static let label = ExcelStyle(bold: true, wrap: true, alignment: .center, verticalCenter: true, border: true, fill: 0xE8EEF5)
    static let key = ExcelStyle(fontSize: 8, alignment: .center, border: true, fill: 0xF3F3F3, color: 0x777777)
    static let guide = ExcelStyle(wrap: true, verticalCenter: true)
    static let guideHead = ExcelStyle(bold: true, fontSize: 12)

    /// The input style of a field kind (unlocked, bordered, with its number format).
    static func input(_ kind: WorkbookLayout.FieldKind) -> ExcelStyle {
        var style = ExcelStyle(unlocked: true, border: true)
        switch kind {
        case .code, .text, .coded, .codedList, .flag: style.numberFormat = .text
        case .date: style.numberFormat = .isoDate
        case .amount: style.numberFormat = .twoDecimals
        case .integer: style.numberFormat = .integer
        }
        if kind == .text { style.wrap = true }
        return style
    }

    public init(
        countyCode: String, countyName: String, period: YearMonth, due: Day, contact: String, institutions: [Institution],
        prefilledFrom: String?
    ) {
        self.countyCode = countyCode
        self.countyName = countyName
        self.period = period
        self.due = due
        self.contact = contact
        self.institutions = institutions
        self.prefilledFrom = prefilledFrom
    }

    /// The workbook's bytes (the same inputs give the same bytes).
    public func render() throws(ExcelWorkbook.Failure) -> [UInt8] {
        let workbook = try ExcelWorkbook(created: Int(period.firstDay.ordinal) * 86_400, title: "医保基金监管台账填报模板 \(countyCode) \(period)")
        let guideSheet = try workbook.addSheet(WorkbookLayout.guideSheet)
        try header(try workbook.addSheet(WorkbookLayout.sheetName(.header)))
        for register in [Register.institutions, .inspections, .cases, .tipoffs] {
            try self.register(register, try workbook.addSheet(WorkbookLayout.sheetName(register)), workbook: workbook)
        }
        try explanations(try workbook.addSheet(WorkbookLayout.explanationSheet))
        try codes(try workbook.addSheet(WorkbookLayout.codeSheet), workbook: workbook)
        try meta(try workbook.addSheet(WorkbookLayout.metaSheet))
        try guide(guideSheet)
        return try workbook.bytes()
    }

    private var unitLine: String {
        "填报单位:\(countyName.isEmpty ? countyCode : "\(countyName)(\(countyCode))")    报送期间:\(period)    金额单位:元"
    }

    private func guide(_ sheet: ExcelSheet) throws(ExcelWorkbook.Failure) {
        try sheet.columns(0, 0, width: 80, Self.guide)
        var row = 0
        func line(_ text: String, _ style: ExcelStyle = Self.guide) throws(ExcelWorkbook.Failure) {
            try sheet.text(row, 0, text, style)
            // Wrapped text needs its rows: a Chinese character is two widths of the 80-wide column.
            let lines = max(1, (text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } + 73) / 74)
            if lines > 1 || style == Self.title { try sheet.row(row, height: style == Self.title ? 24 : Double(lines) * 15) }
            row += 1
        }
        try line("医保基金监管台账填报说明(\(countyName.isEmpty ? countyCode : countyName) \(period.year) 年 \(period.month) 月)", Self.title)
        try line("")
        try line("一、填什么", Self.guideHead)
        try line("本工作簿即一份月度报送:「报送信息」填写本县区代码、名称、期间、填报人和报送日期;「定点医药机构」「检查」「案件」三张台账填写截至本月末的全部记录(每月报送完整台账,不是只报新增)。")
        try line("「定点医药机构」已按本县区最近一次报送预填\(prefilledFrom.map { "(来自 \($0))" } ?? "(暂无已报送的数据,请逐条填写)"),只需修改有变化的机构、补充新增机构、删除已退出的机构。")
        try line("带下拉箭头的单元格请从列表中选择;「违规类型」「处理方式」可填多项,用英文分号 ; 分隔(如:重复收费;超标准收费)。日期填写为日期(如 2026-03-05),金额以元为单位,最多两位小数,不加千分位和「元」字。")
        try line("表头(第 1–4 行)已锁定,请勿改动表头、工作表名称或增删工作表;第 4 行为隐藏的字段名行,供系统识别各列。请勿使用公式:如需计算,请复制后「选择性粘贴 → 数值」。")
        try line("必填项:报送信息全部;机构的编码、名称、类别、协议状态;检查的机构编码、检查日期、检查方式;案件的案件编号、机构编码、立案日期、案件来源、违规类型。")
        try line(
            "「举报线索」台账(可选)逐条填写本年受理的举报线索:线索编号、受理日期、举报渠道、被举报对象类别必填;被举报对象为定点医药机构时填机构编码;作出是否立案决定后填决定日期和是否立案;立案的线索办结后填办结日期、是否查实和案件编号;实名举报的填告知和反馈日期。举报人姓名仅供本局留存,加密保存,任何报表、页面均不显示。"
        )
        try line("")
        try line("二、何时报", Self.guideHead)
        try line("本月台账的报送截止日为 \(due)。截止前可多次报送,以最后一次为准;已审核的月份再次报送需填写更正说明。")
        try line("")
        try line("三、代码表", Self.guideHead)
        for list in WorkbookLayout.codeLists {
            try line("\(list.title):" + list.labels.joined(separator: "、"))
        }
        try line("下拉列表取自隐藏的「\(WorkbookLayout.codeSheet)」工作表;代码与中文名称均可填写。")
        try line("")
        try line("四、有问题找谁", Self.guideHead)
        try line(contact.isEmpty ? "请联系市医疗保障局基金监管科。" : contact)
        try line("")
        try line("报送方式:在报送平台「本县报送」页上传本工作簿(.xlsx),系统即时给出审核报告,逐条指出工作表和单元格。")
        try line("")
        try line("五、核实说明", Self.guideHead)
        try line("系统会把本月报表与上月报表、本县以往各月相比较(核实性审核),对明显的变化给出提示,例如上月已报的案件不见了、已结案案件的金额改了、补录以前月份的记录、某项新增数远离以往各月、单笔金额异常大。提示不影响报表被接收,但须逐条说明原因,市局审核时会看到说明。")
        try line(
            "已知的变化可预先在「\(WorkbookLayout.explanationSheet)」工作表中说明:A 列选择规则,B 列填写提示对象(案件编号、机构编码、月份 YYYY-MM、台账名或指标名,与审核报告中的「提示对象」一致;填 * 表示说明该规则的全部提示),C 列填写说明。也可以上传后在平台上逐条填写。"
        )
        try sheet.printSetup(landscape: false)
    }

    /// The 核实说明 sheet: explanations of plausibility warnings the clerk expects, a rule
    /// (from a dropdown), the warning's key (or `*`) and the text, from row 5.
    private func explanations(_ sheet: ExcelSheet) throws(ExcelWorkbook.Failure) {
        let columns = WorkbookLayout.explanationColumns
        try sheet.merge(0, 0, 0, columns.count - 1, "核实说明", Self.title)
        try sheet.merge(1, 0, 1, columns.count - 1, unitLine, Self.meta)
        let firstData = WorkbookLayout.firstDataRow - 1, lastInput = firstData + Self.inputRows - 1
        for (index, (label, key)) in columns.enumerated() {
            try sheet.columns(index, index, width: [34, 22, 60][index], Self.input(index == 2 ? .text : .code))
            try sheet.text(WorkbookLayout.labelRow - 1, index, label, Self.label)
            try sheet.text(WorkbookLayout.keyRow - 1, index, key, Self.key)
        }
        try sheet.dropdown(firstData, 0, lastInput, 0, source: "=list_plausibility_rule", strict: true)
        try sheet.row(WorkbookLayout.labelRow - 1, height: 32)
        try sheet.row(WorkbookLayout.keyRow - 1, height: 12, hidden: true)
        sheet.freeze(rows: WorkbookLayout.keyRow)
        sheet.protect()
        try sheet.printSetup(landscape: true, repeatRows: (WorkbookLayout.labelRow - 1)...(WorkbookLayout.labelRow - 1))
    }

    private func header(_ sheet: ExcelSheet) throws(ExcelWorkbook.Failure) {
        try sheet.merge(0, 0, 0, 2, "报送信息", Self.title)
        try sheet.text(1, 0, "项目", Self.label)
        try sheet.text(1, 1, "字段", Self.label)
        try sheet.text(1, 2, "填报内容", Self.label)
        let values = [countyCode, countyName, period.description, "", ""]
        for (index, name) in Register.header.fieldNames.enumerated() {
            let row = WorkbookLayout.headerFirstRow - 1 + index
            try sheet.text(row, 0, Register.header.label(index), Self.label)
            try sheet.text(row, 1, name, Self.key)
            try sheet.text(row, 2, values[index], Self.input(WorkbookLayout.kind(.header, index)))
        }
        try sheet.columns(0, 0, width: 18)
        try sheet.columns(1, 1, width: 14)
        try sheet.columns(2, 2, width: 28)
        sheet.protect()
    }

    private func register(_ register: Register, _ sheet: ExcelSheet, workbook: ExcelWorkbook) throws(ExcelWorkbook.Failure) {
        let names = register.fieldNames
        let last = names.count - 1
        try sheet.merge(0, 0, 0, min(last, 7), WorkbookLayout.sheetName(register) + "台账", Self.title)
        try sheet.merge(1, 0, 1, min(last, 7), unitLine, Self.meta)
        let firstData = WorkbookLayout.firstDataRow - 1
        let lastInput = firstData + (register == .institutions ? institutions.count : 0) + Self.inputRows - 1
        for (index, name) in names.enumerated() {
            let kind = WorkbookLayout.kind(register, index)
            try sheet.columns(index, index, width: Self.width(kind, label: register.label(index)), Self.input(kind))
            try sheet.text(WorkbookLayout.labelRow - 1, index, register.label(index), Self.label)
            try sheet.text(WorkbookLayout.keyRow - 1, index, name, Self.key)
            switch kind {
            case .coded(let list):
                try sheet.dropdown(firstData, index, lastInput, index, source: "=list_\(list)", strict: true)
            case .codedList(let list):
                // Several codes are allowed, `;`-separated: Excel warns but lets them in.
                try sheet.dropdown(firstData, index, lastInput, index, source: "=list_\(list)", strict: false)
            case .flag:
                try sheet.dropdown(firstData, index, lastInput, index, source: "=list_flag", strict: true)
            default: break
            }
        }
        try sheet.row(WorkbookLayout.labelRow - 1, height: 32)
        try sheet.row(WorkbookLayout.keyRow - 1, height: 12, hidden: true)
        if register == .institutions {
            for (offset, institution) in institutions.enumerated() {
                let row = firstData + offset
                let values = [institution.code, institution.name, institution.category.label, institution.agreementStatus.label]
                for (index, value) in values.enumerated() {
                    try sheet.text(row, index, value, Self.input(WorkbookLayout.kind(.institutions, index)))
                }
            }
        }
        sheet.freeze(rows: WorkbookLayout.keyRow, columns: 1)
        sheet.protect()
        try sheet.printSetup(landscape: true, repeatRows: (WorkbookLayout.labelRow - 1)...(WorkbookLayout.labelRow - 1))
    }

    static func width(_ kind: WorkbookLayout.FieldKind, label: String) -> Double {
        let base: Double =
            switch kind {
            case .code: 16
            case .date: 12
            case .amount: 14
            case .integer, .flag: 9
            case .coded: 14
            case .codedList: 24
            case .text: 28
            }
        return max(base, Double(label.count) * 1.8 + 2)
    }

    private func codes(_ sheet: ExcelSheet, workbook: ExcelWorkbook) throws(ExcelWorkbook.Failure) {
        for (column, list) in WorkbookLayout.codeLists.enumerated() {
            try sheet.text(0, column, list.title, Self.label)
            for (row, label) in list.labels.enumerated() { try sheet.text(row + 1, column, label) }
            let letter = CellReference.columnName(column)
            try workbook.defineName("list_\(list.name)", "='\(WorkbookLayout.codeSheet)'!$\(letter)$2:$\(letter)$\(list.labels.count + 1)")
            try sheet.columns(column, column, width: 16)
        }
        // The 核实说明 sheet's rules.
        let column = WorkbookLayout.codeLists.count, letter = CellReference.columnName(column)
        try sheet.text(0, column, "核实性审核规则", Self.label)
        for (row, rule) in Rule.plausibility.enumerated() { try sheet.text(row + 1, column, rule.id) }
        try workbook.defineName(
            "list_plausibility_rule", "='\(WorkbookLayout.codeSheet)'!$\(letter)$2:$\(letter)$\(Rule.plausibility.count + 1)")
        try sheet.columns(column, column, width: 30)
        sheet.hide()
    }

    private func meta(_ sheet: ExcelSheet) throws(ExcelWorkbook.Failure) {
        let rows = [
            ("template_id", WorkbookLayout.templateID), ("template_version", WorkbookLayout.templateVersion),
            ("county_code", countyCode), ("period", period.description), ("prefilled_from", prefilledFrom ?? ""),
        ]
        for (row, (key, value)) in rows.enumerated() {
            try sheet.text(row, 0, key)
            try sheet.text(row, 1, value)
        }
        sheet.hide()
    }
}
