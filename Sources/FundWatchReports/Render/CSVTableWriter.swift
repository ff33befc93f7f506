import FundWatchCore

/// Writes one report table as CSV for Excel on a Chinese system: UTF-8 with BOM, CRLF,
/// RFC 4180 quoting. Text that starts with `=`, `+`, `-`, `@`, tab or CR is prefixed
/// with `'` so Excel never runs it as a formula; numbers are never altered.
public enum CSVTableWriter {
    /// The file's bytes: title row, heading row, one row per table row, then the notes.
    public static func render(_ table: ReportTable, document: ReportDocument) -> [UInt8] {
        var lines: [[String]] = []
        lines.append([text("表\(table.number) \(table.title)")])
        lines.append(([table.rowHeading] + table.columns.map(\.flatHeading)).map(text))
        for row in table.rows {
            lines.append([text(row.label)] + row.cells.map { $0.isNumeric ? $0.display : text($0.display) })
        }
        lines.append([])
        for note in table.footnotes { lines.append([text("注:" + note)]) }
        lines.append([text("截至 \(document.asOf);数据摘要 \(document.inputDigest)")])
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for line in lines {
            out += Array(line.map(quote).joined(separator: ",").utf8)
            out += [0x0D, 0x0A]
        }
        return out
    }

    /// Neutralises text Excel would read as a formula.
    static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first else { return value }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + value : value
    }

    /// RFC 4180: quote a field holding a comma, quote, CR or LF (or edge spaces), doubling quotes.
    static func quote(_ field: String) -> String {
        let needs = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needs else { return field }
        var out = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }
}
