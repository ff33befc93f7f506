import FundWatchCore

/// Turns a report into the plain values the templates place: strings, flags and lists.
/// Nothing is computed here beyond formatting and layout (header spans, print panels).
enum ReportViewModel {
    /// Most leaf columns in one printed panel of a wide table (A4 landscape).
    static let panelWidth = 12

    static func make(_ document: ReportDocument) -> [String: Any] {
        let w = document.window
        return [
            "title": document.title,
            "windowFrom": w.from.description,
            "windowTo": w.to.description,
            "windowText": w.from == w.to ? "\(w.to.year)年\(w.to.month)月" : "\(w.to.year)年\(w.from.month)—\(w.to.month)月",
            "yearToDateFrom": document.yearToDate.from.description,
            "asOf": document.asOf.description,
            "inputDigest": document.inputDigest,
            "inputDigestShort": String(document.inputDigest.prefix(16)),
            "countyCount": document.provenance.count,
            "provenance": document.provenance.map(provenance),
            "tables": document.tables.map(table),
        ]
    }

    static func provenance(_ p: CountyProvenance) -> [String: Any] {
        [
            "code": p.countyCode,
            "name": p.countyName,
            "status": p.status.rawValue,
            "statusLabel": p.status.label,
            "hasVersion": p.period != nil,
            "period": p.period?.description ?? "",
            "submittedOn": p.submittedOn?.description ?? "",
            "digest": p.digest ?? "",
            "digestShort": p.digest.map { String($0.prefix(12)) } ?? "",
        ]
    }

    static func table(_ t: ReportTable) -> [String: Any] {
        [
            "id": t.id,
            "number": t.number,
            "title": t.title,
            "rowHeading": t.rowHeading,
            "columns": t.columns.map(column),
            "rows": RowsView(rows: t.rows, columns: t.columns, range: nil),
            "isEmpty": t.rows.isEmpty,
            "footnotes": t.footnotes.map { ["text": $0] },
            "panels": panels(t),
        ]
    }

    static func column(_ c: ReportColumn) -> [String: Any] {
        [
            "key": c.key,
            "hasGroup": c.group != nil,
            "group": c.group ?? "",
            "label": c.label,
            "hasUnit": c.unit != nil,
            "unit": c.unit ?? "",
        ]
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
    static func panels(_ t: ReportTable) -> [[String: Any]] {
        let ranges = panelRanges(t)
        return ranges.enumerated().map { number, range in
            let cols = Array(t.columns[range])
            let twoLevels = cols.contains { $0.group != nil }
            var top: [[String: Any]] = [
                ["text": t.rowHeading, "unit": "", "hasUnit": false, "colspan": 1, "rowspan": twoLevels ? 2 : 1, "isRowHeading": true]
            ]
            var second: [[String: Any]] = []
            var i = 0
            while i < cols.count {
                let c = cols[i]
                if let g = c.group {
                    var span = 1
                    while i + span < cols.count && cols[i + span].group == g { span += 1 }
                    // A unit shared by the whole group goes under the group heading; otherwise under each column.
                    let shared = Set(cols[i..<i + span].map(\.unit)).count == 1 ? c.unit : nil
                    top.append(["text": g, "unit": shared ?? "", "hasUnit": shared != nil, "colspan": span, "rowspan": 1, "isRowHeading": false])
                    for k in i..<i + span {
                        let own = shared == nil ? cols[k].unit : nil
                        second.append([
                            "text": cols[k].label, "unit": own ?? "", "hasUnit": own != nil, "colspan": 1, "rowspan": 1, "isRowHeading": false,
                        ])
                    }
                    i += span
                } else {
                    top.append([
                        "text": c.label, "unit": c.unit ?? "", "hasUnit": c.unit != nil, "colspan": 1, "rowspan": twoLevels ? 2 : 1,
                        "isRowHeading": false,
                    ])
                    i += 1
                }
            }
            var headerRows: [[String: Any]] = [["cells": top]]
            if twoLevels { headerRows.append(["cells": second]) }
            return [
                "isContinuation": number > 0,
                "part": number + 1,
                "partCount": ranges.count,
                "isSplit": ranges.count > 1,
                "isWide": range.count >= 6,
                "headerRows": headerRows,
                "rows": RowsView(rows: t.rows, columns: t.columns, range: range),
            ]
        }
    }
}
