import FundWatchCore
import FundWatchTemplating

/// Turns a report into the typed values the templates place (``ReportView``): strings, flags and lists.
/// Nothing is computed here beyond formatting and layout (header spans, print panels).
enum ReportViewModel {
    /// Most leaf columns in one printed panel of a wide table (A4 landscape).
    static let panelWidth = 12

    static func make(_ document: ReportDocument) -> ReportView {
        let w = document.window
        return ReportView(
            title: document.title, windowFrom: w.from.description, windowTo: w.to.description,
            windowText: w.from == w.to ? "\(w.to.year)年\(w.to.month)月" : "\(w.to.year)年\(w.from.month)—\(w.to.month)月",
            yearToDateFrom: document.yearToDate.from.description, asOf: document.asOf.description, inputDigest: document.inputDigest,
            inputDigestShort: String(document.inputDigest.prefix(16)), countyCount: document.provenance.count,
            provenance: document.provenance.map(provenance), tables: document.tables.map(table))
    }

    static func provenance(_ p: CountyProvenance) -> ReportView.Provenance {
        ReportView.Provenance(
            code: p.countyCode, name: p.countyName, status: p.status.rawValue, statusLabel: p.status.label, hasVersion: p.period != nil,
            period: p.period?.description ?? "", submittedOn: p.submittedOn?.description ?? "", digest: p.digest ?? "",
            digestShort: p.digest.map { String($0.prefix(12)) } ?? "")
    }

    static func table(_ t: ReportTable) -> ReportView.Table {
        ReportView.Table(
            id: t.id, number: t.number, title: t.title, rowHeading: t.rowHeading, columns: t.columns.map(column),
            rows: RowsView(rows: t.rows, columns: t.columns, range: nil), isEmpty: t.rows.isEmpty,
            footnotes: t.footnotes.map { ReportView.Footnote(text: $0) }, panels: panels(t))
    }

    static func column(_ c: ReportColumn) -> ReportView.Column {
        ReportView.Column(key: c.key, hasGroup: c.group != nil, group: c.group ?? "", label: c.label, hasUnit: c.unit != nil, unit: c.unit ?? "")
    }

    /// The column ranges of a wide table's panels: whole column groups (neighbours sharing
    /// a heading are never split), each panel at most `panelWidth` columns, filled evenly so
    /// the last panel is not a lonely column. The HTML prints one panel after another; the
    /// workbook breaks its printed pages at the same columns.
    static func panelRanges(_ t: ReportTable) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var index = 0
        while index < t.columns.count {
            var end = index + 1
            while end < t.columns.count, let g = t.columns[index].group, t.columns[end].group == g { end += 1 }
            groups.append(index..<end)
            index = end
        }
        let panelCount = max(1, (t.columns.count + panelWidth - 1) / panelWidth)
        let target = (t.columns.count + panelCount - 1) / panelCount
        var ranges: [Range<Int>] = []
        var start = 0
        for group in groups {
            if group.upperBound - start > target && group.lowerBound > start {
                ranges.append(start..<group.lowerBound)
                start = group.lowerBound
            }
        }
        ranges.append(start..<t.columns.count)
        return ranges
    }

    /// Splits a wide table into panels (``panelRanges(_:)``), each with the two header rows
    /// (group over label) and rowspans where a column has no group.
    static func panels(_ t: ReportTable) -> [ReportView.Panel] {
        typealias Cell = ReportView.HeaderCell
        let ranges = panelRanges(t)
        return ranges.enumerated().map { number, range in
            let cols = Array(t.columns[range])
            let twoLevels = cols.contains { $0.group != nil }
            var top = [Cell(text: t.rowHeading, unit: nil, colspan: 1, rowspan: twoLevels ? 2 : 1, isRowHeading: true)]
            var second: [Cell] = []
            var i = 0
            while i < cols.count {
                let c = cols[i]
                if let g = c.group {
                    var span = 1
                    while i + span < cols.count && cols[i + span].group == g { span += 1 }
                    // A unit shared by the whole group goes under the group heading; otherwise under each column.
                    let shared = Set(cols[i..<i + span].map(\.unit)).count == 1 ? c.unit : nil
                    top.append(Cell(text: g, unit: shared, colspan: span, rowspan: 1, isRowHeading: false))
                    for k in i..<i + span {
                        second.append(
                            Cell(text: cols[k].label, unit: shared == nil ? cols[k].unit : nil, colspan: 1, rowspan: 1, isRowHeading: false))
                    }
                    i += span
                } else {
                    top.append(Cell(text: c.label, unit: c.unit, colspan: 1, rowspan: twoLevels ? 2 : 1, isRowHeading: false))
                    i += 1
                }
            }
            var headerRows = [ReportView.HeaderRow(cells: top)]
            if twoLevels { headerRows.append(ReportView.HeaderRow(cells: second)) }
            return ReportView.Panel(
                isContinuation: number > 0, part: number + 1, partCount: ranges.count, isSplit: ranges.count > 1, isWide: range.count >= 6,
                headerRows: headerRows, rows: RowsView(rows: t.rows, columns: t.columns, range: range))
        }
    }
}

/// What the report templates (`report.html`, `report.xml`) have in scope: the document's
/// title, window, input digest and provenance, and its tables with columns, print panels
/// and lazily made rows. These names are the contract with custom templates
/// (`--templates`; see docs/templates.md).
struct ReportView: TemplateModel {
    let title: String
    let windowFrom: String
    let windowTo: String
    /// `2026年3月` or `2026年1—3月`.
    let windowText: String
    let yearToDateFrom: String
    let asOf: String
    let inputDigest: String
    let inputDigestShort: String
    let countyCount: Int
    let provenance: [Provenance]
    let tables: [Table]

    /// Which version of a county's return the report read.
    struct Provenance: TemplateModel {
        let code: String
        let name: String
        let status: String
        let statusLabel: String
        let hasVersion: Bool
        let period: String
        let submittedOn: String
        let digest: String
        let digestShort: String
    }

    struct Table: TemplateModel {
        let id: String
        let number: Int
        let title: String
        let rowHeading: String
        let columns: [Column]
        let rows: RowsView
        let isEmpty: Bool
        let footnotes: [Footnote]
        let panels: [Panel]
    }

    struct Column: TemplateModel {
        let key: String
        let hasGroup: Bool
        let group: String
        let label: String
        let hasUnit: Bool
        let unit: String
    }

    struct Footnote: TemplateModel {
        let text: String
    }

    /// One printed part of a wide table, with its two header rows.
    struct Panel: TemplateModel {
        let isContinuation: Bool
        let part: Int
        let partCount: Int
        let isSplit: Bool
        let isWide: Bool
        let headerRows: [HeaderRow]
        let rows: RowsView
    }

    struct HeaderRow: TemplateModel {
        let cells: [HeaderCell]
    }

    /// A header cell: a group heading over its columns, or a column's own label.
    struct HeaderCell: TemplateModel {
        let text: String
        let unit: String
        let hasUnit: Bool
        let colspan: Int
        let rowspan: Int
        let isRowHeading: Bool

        init(text: String, unit: String?, colspan: Int, rowspan: Int, isRowHeading: Bool) {
            self.text = text
            self.unit = unit ?? ""
            hasUnit = unit != nil
            self.colspan = colspan
            self.rowspan = rowspan
            self.isRowHeading = isRowHeading
        }
    }
}
