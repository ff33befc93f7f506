import FundWatchCore

/// Writes one report table as CSV for Excel on a Chinese system: UTF-8 with BOM, CRLF,
/// RFC 4180 quoting. Text that starts with `=`, `+`, `-`, `@`, tab or CR is prefixed
/// with `'` so Excel never runs it as a formula; numbers are never altered.
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

    private static func write(_ table: ReportTable, document: ReportDocument, piece: Int,
                              emit: (ArraySlice<UInt8>) throws -> Void) throws {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(min(piece, 64 * max(1, table.rows.count) * max(1, table.columns.count)) + 4096)
        func flush(_ force: Bool = false) throws {
            if force || out.count >= piece {
                try emit(out[...])
                out.removeAll(keepingCapacity: true)
            }
        }
        func line(_ fields: [String]) {
            for (i, field) in fields.enumerated() {
                if i > 0 { out.append(0x2C) }
                append(field, to: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
        line([text("表\(table.number) \(table.title)")])
        line(([table.rowHeading] + table.columns.map(\.flatHeading)).map(text))
        for row in table.rows {
            append(text(row.label), to: &out)
            for cell in row.cells {
                out.append(0x2C)
                append(cell.isNumeric ? cell.display : text(cell.display), to: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
            try flush()
        }
        line([])
        for note in table.footnotes { line([text("注:" + note)]) }
        line([text("截至 \(document.asOf);数据摘要 \(document.inputDigest)")])
        try flush(true)
    }

    /// Neutralises text Excel would read as a formula.
    static func text(_ value: String) -> String {
        switch value.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: "'" + value
        default: value
        }
    }

    /// Appends `field` to `out`, quoted as RFC 4180 needs when it holds a comma, quote, CR or
    /// LF or has edge spaces (quotes doubled).
    static func append(_ field: String, to out: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            let needs = bytes.first == 0x20 || bytes.last == 0x20
                || bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            guard needs else { out.append(contentsOf: bytes); return }
            out.append(0x22)
            for byte in bytes {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        }
    }
}
