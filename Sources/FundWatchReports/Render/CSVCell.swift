/// The one way FundWatch writes a CSV cell, for every CSV a person opens in Excel or WPS —
/// the report tables, the draw's lists, the 审核报告's findings:
///
/// - text that Excel would take for a formula (starting with `=`, `+`, `-`, `@`, a tab, CR
///   or LF) gets a leading `'`, so it shows as text and never runs; numbers are written as
///   they are;
/// - a field holding a comma, a quote, a CR or an LF — each looked at as a byte, so a lone
///   CR or LF is quoted as surely as a CRLF — or starting or ending with a space is quoted,
///   its quotes doubled (RFC 4180).
///
/// Files are UTF-8 with a byte-order mark (so Excel on a Chinese system reads them as
/// UTF-8), lines end with CRLF.
public enum CSVCell {
    /// The byte-order mark a file starts with.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// The end of a line.
    public static let lineEnd: [UInt8] = [0x0D, 0x0A]

    /// Appends `value` as a text cell: formula-guarded, then quoted as needed.
    public static func appendText(_ value: String, to out: inout [UInt8]) {
        append(guarded(value), to: &out)
    }

    /// Appends a number as it is (quoted only if it somehow needs it).
    public static func appendNumber(_ value: String, to out: inout [UInt8]) {
        append(value, to: &out)
    }

    /// Appends a line of text cells and its CRLF.
    public static func appendLine(_ fields: [String], to out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(0x2C) }
            appendText(field, to: &out)
        }
        out.append(contentsOf: lineEnd)
    }

    /// `value` with a leading `'` when Excel would read it as a formula.
    static func guarded(_ value: String) -> String {
        switch value.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, 0x0A: "'" + value
        default: value
        }
    }

    /// Appends `field`, quoted when it holds a comma, quote, CR or LF byte or has edge spaces.
    static func append(_ field: String, to out: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            let needs =
                bytes.first == 0x20 || bytes.last == 0x20
                || bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            guard needs else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(0x22)
            for byte in bytes {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        }
    }
}
