import FundWatchCore

/// Writes one report table as CSV for Excel on a Chinese system, each cell through
/// ``CSVCell`` (UTF-8 with BOM, CRLF, RFC 4180 quoting, text never read as a formula;
/// numbers never altered).
public enum CSVTableWriter {
    /// The file's bytes: title row, heading row, one row per table row, then the notes.
    public static func render(_ table: ReportTable, document: ReportDocument) -> [UInt8] {
        var out: [UInt8] = []
        // Collected whole: no piece is ever handed on before the end.
        try? write(table, document: document, piece: Int.max) { out.append(contentsOf: $0) }
        return out
    }

    /// Writes the file into `output` in pieces of about `piece` bytes, so memory holds one
    /// piece, not the whole table (a national table 5 is tens of megabytes).
    public static func write(_ table: ReportTable, document: ReportDocument, into output: any OutputFile, piece: Int = 1 << 20) throws {
        try write(table, document: document, piece: piece) { try output.append($0) }
    }

    private static func write(
        _ table: ReportTable, document: ReportDocument, piece: Int,
        emit: (ArraySlice<UInt8>) throws -> Void
    ) throws {
        var out = CSVCell.byteOrderMark
        out.reserveCapacity(min(piece, 64 * max(1, table.rows.count) * max(1, table.columns.count)) + 4096)
        func flush(_ force: Bool = false) throws {
            if force || out.count >= piece {
                try emit(out[...])
                out.removeAll(keepingCapacity: true)
            }
        }
        CSVCell.appendLine(["表\(table.number) \(table.title)"], to: &out)
        CSVCell.appendLine([table.rowHeading] + table.columns.map(\.flatHeading), to: &out)
        for row in table.rows {
            CSVCell.appendText(row.label, to: &out)
            for cell in row.cells {
                out.append(0x2C)
                if cell.isNumeric { CSVCell.appendNumber(cell.display, to: &out) } else { CSVCell.appendText(cell.display, to: &out) }
            }
            out.append(contentsOf: CSVCell.lineEnd)
            try flush()
        }
        CSVCell.appendLine([], to: &out)
        for note in table.footnotes { CSVCell.appendLine(["注:" + note], to: &out) }
        CSVCell.appendLine(["截至 \(document.asOf);数据摘要 \(document.inputDigest)"], to: &out)
        try flush(true)
    }
}
