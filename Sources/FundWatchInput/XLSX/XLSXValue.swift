import FundWatchCore

/// Turns a stored cell into the text the field rules read, exactly: numbers from their
/// stored digits (never through a binary floating-point value, so an amount keeps its
/// fen and a third decimal is still seen), dates from Excel's serial numbers, booleans
/// as `true`/`false`. Formulas and error values are findings, not values.
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
        if cell.hasFormula { return .refused(.xlsxFormula, detail: "") }
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
            return .text(Self.plain(raw) ?? raw)
        }
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
        if mantissa.first == "-" { negative = true; mantissa = mantissa.dropFirst() } else if mantissa.first == "+" { mantissa = mantissa.dropFirst() }
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
        guard let whole = Int(plain.split(separator: ".").first ?? "0"), whole < 2_958_466 else { return nil }   // 9999-12-31
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

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
