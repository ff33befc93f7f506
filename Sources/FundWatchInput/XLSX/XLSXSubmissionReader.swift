import Foundation
import FundWatchCore
import FundWatchZip

/// Reads an .xlsx return (the fill-in template, or any workbook in its layout) into raw
/// rows for the same ``SubmissionBuilder`` that CSV and XML rows go through, so every
/// value rule and rule id is the same; findings name the sheet and the cell (`案件!F12`).
///
/// The package is read with the bounded zip reader and each part streamed through
/// libxml2's SAX parser: a sheet is never held whole, a part with a DOCTYPE is refused,
/// shared strings are capped, and a damaged or cut-short part is a finding, not a hang.
struct XLSXSubmissionReader {
    let limits: ReadLimits

    /// What a workbook gave: its submission (nil on any error), every finding, and the
    /// explanations of its 核实说明 sheet.
    struct Result {
        var submission: Submission?
        var findings: FindingCollector
        var explanations: [Explanation] = []
    }

    func read(_ input: SubmissionInput) -> Result {
        let file = input.displayName
        var collector = FindingCollector()
        func fail(_ rule: Rule, _ detailEN: String = "") -> Result {
            collector.add(rule, at: FindingLocation(file: file, line: nil), detailEN: detailEN)
            return Result(submission: nil, findings: collector)
        }
        if Self.isCompoundDocument(input) { return fail(.xlsxLegacy) }
        let archive: ZipArchive
        do {
            archive = try input.openZip(limits: limits.zip)
        } catch {
            collector.add(Finding(zip: error, archive: file))
            return Result(submission: nil, findings: collector)
        }
        do {
            let package = try XLSXPackage(archive: archive)
            return try read(package, file: file, collector: &collector)
        } catch {
            collector.add(Self.finding(error, file: file))
            return Result(submission: nil, findings: collector)
        }
    }

    /// The finding of a package that cannot be read.
    static func finding(_ error: XLSXFailure, file: String) -> Finding {
        var collector = FindingCollector()
        switch error {
        case .zip(let zip): collector.add(Finding(zip: zip, archive: file))
        case .invalid(let detail): collector.add(.xlsxInvalid, at: FindingLocation(file: file, line: nil), detailEN: detail)
        case .doctype(let part): collector.add(.xlsxDoctype, at: FindingLocation(file: "\(file)!/\(part)", line: nil))
        case .limit(let detail): collector.add(.xlsxLimit, at: FindingLocation(file: file, line: nil), detailEN: detail)
        }
        return collector.findings[0]
    }

    /// How the package's cells read: its shared strings, styles and date system.
    func values(of package: XLSXPackage) throws(XLSXFailure) -> XLSXValue {
        var strings: [String] = []
        if let part = package.sharedStringsPart, package.archive.entry(named: part) != nil {
            let handler = SharedStringsHandler(
                limit: limits.maxSharedStrings, byteLimit: limits.maxSharedStringBytes, itemLimit: limits.maxFieldBytes)
            try XLSXPackage.parse(package.archive, part: part, handler: handler)
            if handler.overLimit {
                throw .limit("more than \(limits.maxSharedStrings) shared strings or \(limits.maxSharedStringBytes >> 20) MiB of them")
            }
            strings = handler.strings
        }
        var styles: StylesHandler?
        if let part = package.stylesPart, package.archive.entry(named: part) != nil {
            let handler = StylesHandler()
            try XLSXPackage.parse(package.archive, part: part, handler: handler, limit: XLSXPackage.smallPartLimit)
            styles = handler
        }
        return XLSXValue(sharedStrings: strings, styles: styles, date1904: package.date1904)
    }

    /// An OLE compound document: a legacy .xls/.et workbook, or an encrypted .xlsx (Excel
    /// and WPS wrap an encrypted package in one).
    static func isCompoundDocument(_ input: SubmissionInput) -> Bool {
        let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        switch input {
        case .memory(_, let bytes): return bytes.starts(with: magic)
        case .path(let path):
            guard let file = fopen(path, "rb") else { return false }
            defer { fclose(file) }
            var head = [UInt8](repeating: 0, count: 8)
            return fread(&head, 1, 8, file) == 8 && head == magic
        }
    }

    private func read(_ package: XLSXPackage, file: String, collector: inout FindingCollector) throws(XLSXFailure) -> Result {
        let values = try values(of: package)

        var sheets: [Register: XLSXPackage.Sheet] = [:]
        for sheet in package.sheets {
            if let register = WorkbookLayout.register(ofSheet: sheet.name) {
                if sheets[register] == nil { sheets[register] = sheet }
            } else if !WorkbookLayout.knownOtherSheets.contains(sheet.name) {
                collector.add(
                    .xlsxExtraSheet, at: FindingLocation(file: file, line: nil, cell: sheet.name), detail: "「\(sheet.name)」",
                    detailEN: "'\(sheet.name)'")
            }
        }
        let missing = Register.allCases.filter { sheets[$0] == nil && !$0.isOptional }
        for register in missing {
            collector.add(
                .xlsxSheetMissing, at: FindingLocation(file: file, line: nil, cell: WorkbookLayout.sheetName(register)),
                detail: WorkbookLayout.sheetName(register), detailEN: WorkbookLayout.sheetName(register))
        }
        guard missing.isEmpty else { return Result(submission: nil, findings: collector) }

        var builder = SubmissionBuilder(collector: collector)
        let errorsBefore = builder.collector.errorCount
        let header = try readHeader(sheets[.header]!, package: package, values: values, file: file, builder: &builder)
        let headerReadable = builder.collector.errorCount == errorsBefore
        for register in [Register.institutions, .inspections, .cases, .tipoffs] {
            guard let sheet = sheets[register] else { continue }
            try readRegister(register, sheet, package: package, values: values, file: file, builder: &builder)
        }
        if headerReadable { builder.addHeader(header) }
        var explanations: [Explanation] = []
        if let sheet = package.sheets.first(where: { $0.name == WorkbookLayout.explanationSheet }) {
            explanations = try readExplanations(sheet, package: package, values: values, file: file, collector: &builder.collector)
        }
        let submission = builder.finish()
        return Result(submission: submission, findings: builder.collector, explanations: explanations)
    }

    // MARK: 核实说明

    /// The 核实说明 sheet: from row 5, a plausibility rule, the warning's key (or `*`) and the
    /// explanation. A row that cannot be used is a warning, never an error: the registers
    /// are what is reported, and the portal asks again for what is not explained.
    private func readExplanations(
        _ sheet: XLSXPackage.Sheet, package: XLSXPackage, values: XLSXValue, file: String, collector: inout FindingCollector
    ) throws(XLSXFailure) -> [Explanation] {
        var out: [Explanation] = []
        var local = collector
        try rows(sheet, package: package) { row, cells in
            guard row >= WorkbookLayout.firstDataRow else { return }
            let texts = (0..<3).map { column -> String in
                guard let cell = cells.first(where: { $0.column == column }), case .text(let t) = values.text(of: cell) else { return "" }
                return t
            }
            let explanation = Explanation(rule: texts[0], key: texts[1], text: texts[2])
            guard !(explanation.rule.isEmpty && explanation.key.isEmpty && explanation.text.isEmpty) else { return }
            // What is wrong with the row, as the clerk can mend it; nil when it can be kept.
            let problem: (String, String)? =
                if !Rule.plausibility.contains(where: { $0.id == explanation.rule }) {
                    ("A 列「\(explanation.rule)」不是核实性审核规则", "column A \"\(explanation.rule)\" is not a plausibility rule")
                } else if explanation.key.isEmpty {
                    ("B 列提示对象为空", "column B (the key) is empty")
                } else if explanation.text.isEmpty {
                    ("C 列说明为空", "column C (the explanation) is empty")
                } else if explanation.text.count > Explanation.maxLength {
                    ("C 列说明有 \(explanation.text.count) 字", "column C has \(explanation.text.count) characters")
                } else {
                    nil
                }
            if let (detail, detailEN) = problem {
                local.add(
                    .xlsxExplanation, at: FindingLocation(file: file, line: row, cell: "\(sheet.name)!A\(row)"),
                    detail: "第 \(row) 行 \(detail)", detailEN: "row \(row), \(detailEN)")
                return
            }
            out.append(explanation)
        }
        collector = local
        return out
    }

    /// Streams a sheet's rows to `body`.
    private func rows(_ sheet: XLSXPackage.Sheet, package: XLSXPackage, _ body: @escaping (Int, [XLSXCell]) -> Void) throws(XLSXFailure) {
        let stream = XLSXSheetStream(onRow: body)
        try XLSXPackage.parse(package.archive, part: sheet.part, handler: stream)
        if stream.overLimit { throw .limit("sheet \(sheet.name) has more than \(XLSXSheetStream.maxRows) rows") }
    }

    /// Puts a cell's value (read once, by the caller) into field `index` of `raw`, or adds the cell's finding.
    private func place(_ value: XLSXValue.Outcome, field index: Int, into raw: inout RawRow, collector: inout FindingCollector) {
        switch value {
        case .empty: break
        case .text(let text):
            if text.utf8.count > limits.maxFieldBytes {
                collector.add(.csvFieldTooLong, at: raw.location(of: index))
            } else {
                raw.set(index, text)
            }
        case .refused(let rule, let detail):
            collector.add(rule, at: raw.location(of: index), detail: detail, detailEN: detail)
        }
    }

    // MARK: 报送信息

    /// The header sheet: one field per row, its key (or label) in one cell and its value in
    /// the cell to the right.
    private func readHeader(
        _ sheet: XLSXPackage.Sheet, package: XLSXPackage, values: XLSXValue, file: String,
        builder: inout SubmissionBuilder
    ) throws(XLSXFailure) -> RawRow {
        var raw = RawRow(register: .header, file: file, line: 1)
        raw.sheet = sheet.name
        raw.cellColumns = Array(repeating: -1, count: Register.header.fieldNames.count)
        var collector = builder.collector
        try rows(sheet, package: package) { row, cells in
            let texts = cells.map { cell -> String? in if case .text(let t) = values.text(of: cell) { t } else { nil } }
            // The key column wins over the label column when a row has both.
            let keyAt = cells.indices.first { texts[$0].flatMap { HeaderField.named($0.trimmingWhitespace) } != nil }
            let labelAt = cells.indices.first { texts[$0].flatMap { WorkbookLayout.fieldIndex(.header, keyOrLabel: $0) } != nil }
            guard let at = keyAt ?? labelAt, let index = WorkbookLayout.fieldIndex(.header, keyOrLabel: texts[at]!) else { return }
            let valueColumn = cells[at].column + 1
            if raw.has(index) {
                collector.add(
                    .headerDuplicateField,
                    at: FindingLocation(
                        file: file, line: row, column: Register.header.fieldNames[index],
                        cell: "\(sheet.name)!\(CellReference.columnName(cells[at].column))\(row)",
                        label: Register.header.label(index)),
                    detail: Register.header.label(index), detailEN: Register.header.fieldNames[index])
                return
            }
            raw.setLine(row, of: index)
            raw.cellColumns[index] = valueColumn
            if let cell = cells.first(where: { $0.column == valueColumn }) {
                place(values.text(of: cell), field: index, into: &raw, collector: &collector)
            }
            if !raw.has(index) { raw.set(index, "") }  // present, empty: the required rule names its cell
        }
        builder.collector = collector
        return raw
    }

    // MARK: Register sheets

    private func readRegister(
        _ register: Register, _ sheet: XLSXPackage.Sheet, package: XLSXPackage, values: XLSXValue, file: String,
        builder: inout SubmissionBuilder
    ) throws(XLSXFailure) {
        var raw = RawRow(register: register, file: file, line: 0)
        raw.sheet = sheet.name
        var mapping: [Int: Int]?  // sheet column → field index
        var pending: [(row: Int, cells: [XLSXCell])] = []
        var failed = false
        var local = builder
        let fieldCount = register.fieldNames.count
        func cellName(_ column: Int, _ row: Int) -> String { "\(sheet.name)!\(CellReference.columnName(column))\(row)" }

        /// The header row: field keys (the template's hidden row 4) or else labels.
        func headerMapping(_ rows: [(row: Int, cells: [XLSXCell])]) -> (Int, [Int: Int])? {
            for byKey in [true, false] {
                for (row, cells) in rows {
                    var map: [Int: Int] = [:], known = 0, filled = 0
                    for cell in cells {
                        guard case .text(let text) = values.text(of: cell) else { continue }
                        filled += 1
                        let index =
                            byKey ? register.fieldIndex(named: text.trimmingWhitespace) : WorkbookLayout.fieldIndex(register, keyOrLabel: text)
                        if let index {
                            known += 1
                            map[cell.column] = index
                        }
                    }
                    if known >= min(2, fieldCount), known * 2 >= filled { return (row, map) }
                }
            }
            return nil
        }

        func checkHeader(_ row: Int, _ cells: [XLSXCell], _ map: [Int: Int]) {
            var seen = Set<Int>()
            for cell in cells {
                guard case .text(let text) = values.text(of: cell) else { continue }
                guard let index = map[cell.column] else {
                    local.collector.add(
                        .xlsxUnknownColumn, at: FindingLocation(file: file, line: row, cell: cellName(cell.column, row)),
                        detail: "「\(text)」", detailEN: "'\(text)'",
                        expected: "模板中的列之一 (one of): "
                            + register.fieldNames.indices.map { "\(register.label($0)) \(register.fieldNames[$0])" }.joined(separator: "、"))
                    continue
                }
                if !seen.insert(index).inserted {
                    let name = register.fieldNames[index]
                    local.collector.add(
                        .xlsxDuplicateColumn,
                        at: FindingLocation(
                            file: file, line: row, column: name, cell: cellName(cell.column, row),
                            label: register.label(index)),
                        detail: register.label(index), detailEN: name)
                }
            }
            for index in 0..<fieldCount where register.isRequired(index) && !seen.contains(index) {
                let name = register.fieldNames[index]
                local.collector.add(
                    .xlsxMissingColumn,
                    at: FindingLocation(
                        file: file, line: row, column: name, cell: "\(sheet.name)!\(row):\(row)",
                        label: register.label(index)),
                    detail: "\(register.label(index)) \(name)", detailEN: name, expected: "字段名为 \(name) 的一列 (a column keyed \(name))")
            }
        }

        func addData(_ row: Int, _ cells: [XLSXCell], _ map: [Int: Int]) {
            // Each cell of the register's columns converted once.
            let read = cells.compactMap { cell in map[cell.column].map { (field: $0, value: values.text(of: cell)) } }
            // A row with nothing in the register's columns is skipped, as a blank CSV line;
            // a second header row (labels above keys, or keys repeated) is not data either.
            var content = false, repeatsHeader = true
            for (field, value) in read {
                switch value {
                case .empty: continue
                case .text(let text):
                    content = true
                    if WorkbookLayout.fieldIndex(register, keyOrLabel: text) != field { repeatsHeader = false }
                case .refused:
                    content = true
                    repeatsHeader = false
                }
            }
            guard content, !repeatsHeader else { return }
            raw.reset(line: row)
            for (field, value) in read { place(value, field: field, into: &raw, collector: &local.collector) }
            local.add(raw)
        }

        /// Finds the header among the rows seen so far and reads the rows after it.
        func resolve() {
            guard let (headerRow, map) = headerMapping(pending) else {
                failed = true
                return
            }
            mapping = map
            raw.cellColumns = Self.columns(map, fieldCount: fieldCount)
            checkHeader(headerRow, pending.first { $0.row == headerRow }!.cells, map)
            for (r, c) in pending where r > headerRow { addData(r, c, map) }
            pending = []
        }

        try rows(sheet, package: package) { row, cells in
            if failed { return }
            if let map = mapping {
                addData(row, cells, map)
                return
            }
            pending.append((row, cells))
            if pending.count >= WorkbookLayout.headerSearchRows { resolve() }
        }
        if mapping == nil && !failed { resolve() }  // a sheet shorter than the search
        if failed {
            local.collector.add(
                .xlsxHeaderRow, at: FindingLocation(file: file, line: nil, cell: sheet.name),
                detail: sheet.name, detailEN: sheet.name,
                expected: "前 \(WorkbookLayout.headerSearchRows) 行中有一行字段名 (a row of the keys in the first \(WorkbookLayout.headerSearchRows) rows): "
                    + register.fieldNames.prefix(4).joined(separator: ", ") + " …")
        }
        builder = local
    }

    /// Field index → sheet column, from a column → field map.
    private static func columns(_ map: [Int: Int], fieldCount: Int) -> [Int] {
        var columns = Array(repeating: -1, count: fieldCount)
        for (column, index) in map.sorted(by: { $0.key > $1.key }) { columns[index] = column }
        return columns
    }
}
