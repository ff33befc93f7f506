import FundWatchCore

/// Typed values read out of a raw row, adding a finding for each rule broken. (Methods
/// of the row itself, so reading a value never copies the row.)
extension RawRow {
    /// Calls `body` with the field's bytes, trimmed unless free text; nil when the
    /// field is absent or empty.
    @inline(__always)
    func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let free = register.isFreeText(index)
        return withBytes(index) { raw -> R? in
            let bytes = free ? raw : raw.trimmingWhitespace
            return bytes.isEmpty ? nil : body(bytes)
        } ?? nil
    }

    /// The field's text: nil when absent or empty; trimmed unless free text.
    func text(_ index: Int) -> String? {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    private func fieldName(_ index: Int) -> String { register.fieldNames[index] }

    func required(_ index: Int, into collector: inout FindingCollector) -> String? {
        guard let value = text(index) else {
            collector.add(.required(register, fieldName(index)), at: location(of: index))
            return nil
        }
        return value
    }

    /// Parses the field with `parse`: nil when absent or empty (a finding when
    /// `required`), `.some(nil)` when present but not parsable.
    private func parsed<T>(
        _ index: Int, required: Bool, into collector: inout FindingCollector,
        _ parse: (UnsafeBufferPointer<UInt8>) -> T?
    ) -> T?? {
        guard let result = withField(index, parse) else {
            if required { collector.add(.required(register, fieldName(index)), at: location(of: index)) }
            return nil
        }
        return result
    }

    /// Adds `rule` for the field's value, quoted.
    private func refuse(_ index: Int, _ rule: Rule, into collector: inout FindingCollector) {
        let value = text(index) ?? ""
        collector.add(rule, at: location(of: index), detail: "「\(value)」", detailEN: "'\(value)'")
    }

    func day(_ index: Int, required: Bool, into collector: inout FindingCollector) -> Day? {
        guard let result = parsed(index, required: required, into: &collector, { Day(isoUTF8: $0) }) else { return nil }
        guard let day = result else {
            refuse(index, .date(register, fieldName(index)), into: &collector)
            return nil
        }
        return day
    }

    /// An optional case date that may not precede `opened_on`.
    func laterDay(_ field: CaseField, openedOn: Day?, into collector: inout FindingCollector) -> Day? {
        day(field.rawValue, notBefore: CaseField.openedOn.rawValue, openedOn, into: &collector)
    }

    /// An optional date (field `index`) that may not precede field `other`'s date `earlier`.
    func day(_ index: Int, notBefore other: Int, _ earlier: Day?, into collector: inout FindingCollector) -> Day? {
        guard let day = day(index, required: false, into: &collector) else { return nil }
        if let earlier, day < earlier {
            collector.add(
                .notBefore(register, fieldName(index), fieldName(other)), at: location(of: index),
                detail: "\(day) < \(earlier)", detailEN: "\(day) < \(earlier)")
        }
        return day
    }

    func money(_ index: Int, into collector: inout FindingCollector) -> Money {
        guard let result = parsed(index, required: false, into: &collector, { Money(yuanUTF8: $0) }) else { return .zero }
        guard let money = result else {
            refuse(index, .money(register, fieldName(index)), into: &collector)
            return .zero
        }
        return money
    }

    /// nil only when the value is not a boolean (a finding was added); empty means false.
    func boolean(_ index: Int, into collector: inout FindingCollector) -> Bool? {
        guard let result = parsed(index, required: false, into: &collector, Self.boolean) else { return false }
        guard let flag = result else {
            refuse(index, .boolean(register, fieldName(index)), into: &collector)
            return nil
        }
        return flag
    }

    /// `true` / `false` in any letter case, or `是` / `否`.
    private static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        func isWord(_ word: StaticString) -> Bool {
            guard bytes.count == word.utf8CodeUnitCount else { return false }
            for i in 0..<bytes.count where bytes[i] | 0x20 != word.utf8Start[i] { return false }
            return true
        }
        if isWord("true") { return true }
        if isWord("false") { return false }
        if bytes.elementsEqual("是".utf8) { return true }
        if bytes.elementsEqual("否".utf8) { return false }
        return nil
    }

    func code<Code: LabelledCode>(_ index: Int, required: Bool, into collector: inout FindingCollector) -> Code? {
        guard let value = required ? self.required(index, into: &collector) : text(index) else { return nil }
        guard let code = Code(codeOrLabel: value) else {
            collector.add(
                .code(register, fieldName(index), expected: Code.expectedList), at: location(of: index),
                detail: "「\(value)」", detailEN: "'\(value)'")
            return nil
        }
        return code
    }

    func source(into collector: inout FindingCollector) -> CaseSource? {
        let index = CaseField.source.rawValue
        guard let value = required(index, into: &collector) else { return nil }
        guard let source = CaseSource(codeOrLabel: value) else {
            collector.add(
                .code(register, "source", expected: CaseSource.expectedList), at: location(of: index),
                detail: "「\(value)」", detailEN: "'\(value)'")
            return nil
        }
        return source
    }

    /// A `;`-separated list of codes or labels.
    func codes<Code: LabelledCode>(_ index: Int, required: Bool, rule: Rule, into collector: inout FindingCollector) -> [Code] {
        guard let (codes, unknown) = withField(index, { Code.table.list($0, trim: \.trimmingWhitespace) }) else {
            if required { collector.add(.required(register, fieldName(index)), at: location(of: index)) }
            return []
        }
        if !unknown.isEmpty {
            collector.add(
                rule, at: location(of: index),
                detail: unknown.map { "「\($0)」" }.joined(separator: "、"),
                detailEN: unknown.map { "'\($0)'" }.joined(separator: ", "))
        }
        return codes
    }

    func suspensionMonths(suspends: Bool, into collector: inout FindingCollector) -> Int? {
        let index = CaseField.suspensionMonths.rawValue
        let at = { location(of: index) }
        guard let value = text(index) else {
            if suspends { collector.add(.suspensionMonthsMissing, at: at()) }
            return nil
        }
        guard value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), value.utf8.count <= 2, let months = Int(value), (1...12).contains(months) else {
            collector.add(.suspensionMonthsRange, at: at(), detail: "「\(value)」", detailEN: "'\(value)'")
            return nil
        }
        if !suspends {
            collector.add(.suspensionMonthsUnexpected, at: at())
            return nil
        }
        return months
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes without leading and trailing spaces, tabs, CR, LF and full-width spaces (U+3000).
    var trimmingWhitespace: UnsafeBufferPointer<UInt8> {
        var start = 0, end = count
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        func isFullWidthSpace(at i: Int) -> Bool { i + 2 < end && self[i] == 0xE3 && self[i + 1] == 0x80 && self[i + 2] == 0x80 }
        while start < end {
            if isSpace(self[start]) { start += 1 } else if isFullWidthSpace(at: start) { start += 3 } else { break }
        }
        while end > start {
            if isSpace(self[end - 1]) {
                end -= 1
            } else if end - start >= 3 && self[end - 3] == 0xE3 && self[end - 2] == 0x80 && self[end - 1] == 0x80 {
                end -= 3
            } else {
                break
            }
        }
        return UnsafeBufferPointer(rebasing: self[start..<end])
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, CR, LF and full-width spaces.
    var trimmingWhitespace: String {
        var text = self
        return text.withUTF8 { String(decoding: $0.trimmingWhitespace, as: UTF8.self) }
    }
}
