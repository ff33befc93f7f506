import FundWatchCore
import Mustache

/// The rows of a table (or of one printed panel of it) as the templates walk them, made one
/// row at a time while rendering: a national table is 2,800 rows × 38 cells, and building
/// all of them as dictionaries up front cost more memory than reading the whole country.
struct RowsView: MustacheSequence, Sendable {
    let rows: [ReportRow]
    let columns: [ReportColumn]
    /// The columns shown (a panel), or all.
    let range: Range<Int>?

    func makeIterator() -> AnyIterator<RowView> {
        var iterator = rows.makeIterator()
        let columns = self.columns, range = self.range
        return AnyIterator { iterator.next().map { RowView(row: $0, columns: columns, range: range) } }
    }
}

/// One row: `key`, `label`, `isTotal`, `cells`.
struct RowView: MustacheParent {
    let row: ReportRow
    let columns: [ReportColumn]
    let range: Range<Int>?

    func child(named name: String) -> Any? {
        switch name {
        case "key": row.key
        case "label": row.label
        case "isTotal": row.isTotal
        case "cells": CellsView(row: row, columns: columns, range: range ?? 0..<row.cells.count)
        default: nil
        }
    }
}

/// The cells of one row, in column order.
struct CellsView: MustacheSequence {
    let row: ReportRow
    let columns: [ReportColumn]
    let range: Range<Int>

    func makeIterator() -> AnyIterator<CellView> {
        var index = range.lowerBound
        let row = self.row, columns = self.columns, end = range.upperBound
        return AnyIterator {
            guard index < end else { return nil }
            defer { index += 1 }
            return CellView(cell: row.cells[index], column: columns[index])
        }
    }
}

/// One cell: what it shows and, for the XML, its exact value.
///
/// `display`, `column`, `isNumeric`; one of `isCount`, `isMoney`, `isRate`, `isText`, `isDate`,
/// `isPoints`, `isNone`; money adds `yuan`; a rate adds `hasPercent`, `percent`, `numerator`
/// and `denominator`.
struct CellView: MustacheParent {
    let cell: ReportCell
    let column: ReportColumn

    func child(named name: String) -> Any? {
        switch name {
        case "column": return column.key
        case "display":
            if case .none = cell { return "—" }
            return cell.display
        case "isNumeric": return cell.isNumeric
        case "isCount": if case .count = cell { return true } else { return false }
        case "isMoney": if case .money = cell { return true } else { return false }
        case "isRate": if case .rate = cell { return true } else { return false }
        case "isText": if case .text = cell { return true } else { return false }
        case "isDate": if case .date = cell { return true } else { return false }
        case "isPoints": if case .points = cell { return true } else { return false }
        case "isNone": if case .none = cell { return true } else { return false }
        case "yuan": if case .money(let m) = cell { return m.yuanString } else { return nil }
        case "hasPercent": if case .rate(let r) = cell { return r.percentNumber != nil } else { return nil }
        case "percent": if case .rate(let r) = cell { return r.percentNumber ?? "" } else { return nil }
        case "numerator": if case .rate(let r) = cell { return r.numerator } else { return nil }
        case "denominator": if case .rate(let r) = cell { return r.denominator } else { return nil }
        default: return nil
        }
    }
}
