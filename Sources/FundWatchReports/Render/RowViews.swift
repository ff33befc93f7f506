import FundWatchCore
import FundWatchTemplating

/// The rows of a table (or of one printed panel of it) as the templates walk them, made one
/// row at a time while rendering: a national table is 2,800 rows × 38 cells, and building
/// all of them up front cost more memory than reading the whole country.
struct RowsView: TemplateList, Sendable {
    let rows: [ReportRow]
    let columns: [ReportColumn]
    /// The columns shown (a panel), or all.
    let range: Range<Int>?

    var isEmpty: Bool { rows.isEmpty }

    func forEach(_ body: (TemplateValue) -> Void) {
        for row in rows { body(.object(RowView(row: row, columns: columns, range: range))) }
    }
}

/// One row: `key`, `label`, `isTotal`, `cells`.
struct RowView: TemplateObject {
    let row: ReportRow
    let columns: [ReportColumn]
    let range: Range<Int>?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "key": .text(row.key)
        case "label": .text(row.label)
        case "isTotal": .flag(row.isTotal)
        case "cells": .list(CellsView(row: row, columns: columns, range: range ?? 0..<row.cells.count))
        default: nil
        }
    }
}

/// The cells of one row, in column order.
struct CellsView: TemplateList {
    let row: ReportRow
    let columns: [ReportColumn]
    let range: Range<Int>

    var isEmpty: Bool { range.isEmpty }

    func forEach(_ body: (TemplateValue) -> Void) {
        for index in range { body(.object(CellView(cell: row.cells[index], column: columns[index]))) }
    }
}

/// One cell: what it shows and, for the XML, its exact value.
///
/// `display`, `column`, `isNumeric`; one of `isCount`, `isMoney`, `isRate`, `isText`, `isDate`,
/// `isPoints`, `isNone`; money adds `yuan`; a rate adds `hasPercent`, `percent`, `numerator`
/// and `denominator`.
struct CellView: TemplateObject {
    let cell: ReportCell
    let column: ReportColumn

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "column": return .text(column.key)
        case "display":
            if case .none = cell { return .text("—") }
            return .text(cell.display)
        case "isNumeric": return .flag(cell.isNumeric)
        case "isCount": if case .count = cell { return .flag(true) } else { return .flag(false) }
        case "isMoney": if case .money = cell { return .flag(true) } else { return .flag(false) }
        case "isRate": if case .rate = cell { return .flag(true) } else { return .flag(false) }
        case "isText": if case .text = cell { return .flag(true) } else { return .flag(false) }
        case "isDate": if case .date = cell { return .flag(true) } else { return .flag(false) }
        case "isPoints": if case .points = cell { return .flag(true) } else { return .flag(false) }
        case "isNone": if case .none = cell { return .flag(true) } else { return .flag(false) }
        case "yuan": if case .money(let m) = cell { return .text(m.yuanString) } else { return nil }
        case "hasPercent": if case .rate(let r) = cell { return .flag(r.percentNumber != nil) } else { return nil }
        case "percent": if case .rate(let r) = cell { return .text(r.percentNumber ?? "") } else { return nil }
        case "numerator": if case .rate(let r) = cell { return .number(r.numerator) } else { return nil }
        case "denominator": if case .rate(let r) = cell { return .number(r.denominator) } else { return nil }
        default: return nil
        }
    }
}
