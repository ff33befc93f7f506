import Foundation
import FundWatchCore

/// Turns a stored cell into the text the field rules read, as the clerk sees it in Excel
/// or WPS: a number as the 15-significant-digit decimal a spreadsheet shows (a stored
/// `8944.719999999999` is the 8944.72 on the clerk's screen; a real third decimal is still
/// seen), dates from Excel's serial numbers, booleans as `true`/`false`, a formula as the
/// value it last computed. A formula saved without a value and error values are findings.
struct XLSXValue {
    let sharedStrings: [String]
    let styles: StylesHandler?
    let date1904: Bool

    enum Outcome: Equatable {
        case text(String)
        case empty
        case refused(Rule, detail: String)
    }

    func text(of cell: XLSXCell) -> Outcome {
        if cell.isUncomputedFormula { return .refused(.xlsxFormula, detail: "") }
        switch cell.kind {
        case .shared:
            guard let index = Int(cell.raw), index >= 0, index < sharedStrings.count else {
                return .refused(.xlsxInvalid, detail: "shared string \(cell.raw) does not exist")
            }
            return nonEmpty(sharedStrings[index])
        case .inline, .formulaText:
            return nonEmpty(cell.raw)
        case .boolean:
            return .text(cell.raw == "1" || cell.raw.lowercased() == "true" ? "true" : "false")
        case .error:
            return .refused(.xlsxCellError, detail: cell.raw)
        case .isoDate:
            return nonEmpty(String(cell.raw.prefix(10)))
        case .number:
            let raw = cell.raw.trimmingWhitespace
            if raw.isEmpty { return .empty }
            if styles?.isDate(style: cell.style) == true, let day = Self.day(serial: raw, date1904: date1904) {
                return .text(day)
            }
            return .text(Self.shown(raw) ?? raw)
        }
    }

    /// A stored number as a spreadsheet shows it: the binary double the file stores, to 15
    /// significant digits (Excel and WPS keep no more), in plain decimal digits —
    /// `8944.719999999999` → `8944.72`, `1.5E+7` → `15000000`; nil when it is not a number.
    /// The same as Python's `float(f"{v:.15g}")`, which the tests use as the outside reference.
    static func shown(_ text: String) -> String? {
        guard plain(text) != nil, let value = Double(text), value.isFinite else { return nil }
        return plain(String(format: "%.15g", value))
    }

    private func nonEmpty(_ text: String) -> Outcome { text.isEmpty ? .empty : .text(text) }

    /// A stored number written out in plain decimal digits: `1.5E+7` → `15000000`,
    /// `1E-3` → `0.001`; nil when it is not a number.
    static func plain(_ text: String) -> String? {
        var mantissa = Substring(text), exponent = 0
        if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            guard let value = Int(text[text.index(after: e)...]), abs(value) < 400 else { return nil }
            mantissa = text[..<e]
            exponent = value
        }
        var negative = false
        if mantissa.first == "-" {
            negative = true
            mantissa = mantissa.dropFirst()
        } else if mantissa.first == "+" {
            mantissa = mantissa.dropFirst()
        }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, !mantissa.isEmpty else { return nil }
        var whole = String(pieces[0]), fraction = pieces.count == 2 ? String(pieces[1]) : ""
        guard (whole + fraction).allSatisfy(\.isASCIIDigit), !(whole + fraction).isEmpty else { return nil }
        if exponent > 0 {
            let shift = min(exponent, fraction.count)
            whole += fraction.prefix(shift)
            fraction = String(fraction.dropFirst(shift))
            whole += String(repeating: "0", count: exponent - shift)
        } else if exponent < 0 {
            let shift = min(-exponent, whole.count)
            fraction = String(whole.suffix(shift)) + fraction
            whole = String(whole.dropLast(shift))
            fraction = String(repeating: "0", count: -exponent - shift) + fraction
        }
        while whole.count > 1 && whole.first == "0" { whole.removeFirst() }
        if whole.isEmpty { whole = "0" }
        while fraction.last == "0" { fraction.removeLast() }
        let digits = fraction.isEmpty ? whole : whole + "." + fraction
        return negative && digits != "0" ? "-" + digits : digits
    }

    /// The day of an Excel serial number (its time of day dropped), as `YYYY-MM-DD`. In the
    /// 1900 system serial 1 is 1900-01-01 and serial 60 is 1900-02-29, a day that never was
    /// (kept from Lotus 1-2-3): it is written so, and the date rule refuses it. In the 1904
    /// system serial 0 is 1904-01-01.
    static func day(serial text: String, date1904: Bool) -> String? {
        guard let plain = plain(text), !plain.hasPrefix("-") else { return nil }
        guard let whole = Int(plain.split(separator: ".").first ?? "0"), whole < 2_958_466 else { return nil }  // 9999-12-31
        let base: Day
        if date1904 {
            base = Day(year: 1904, month: 1, day: 1)!
            return base.adding(days: whole).description
        }
        if whole == 60 { return "1900-02-29" }
        if whole == 0 { return nil }
        base = Day(year: 1899, month: 12, day: whole < 60 ? 31 : 30)!
        return base.adding(days: whole).description
    }
}
