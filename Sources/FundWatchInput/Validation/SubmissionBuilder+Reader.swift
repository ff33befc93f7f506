import FundWatchCore

extension SubmissionBuilder {
    /// Reads typed values out of one raw row, adding a finding for each rule broken.
    struct Reader {
        let row: RawRow

        /// The field's text: nil when absent or empty; trimmed unless free text.
        func text(_ index: Int) -> String? {
            guard let raw = row.values[index] else { return nil }
            let value = row.register.isFreeText(index) ? raw : raw.trimmingWhitespace
            return value.isEmpty ? nil : value
        }

        private var register: Register { row.register }
        private func name(_ index: Int) -> String { register.fieldNames[index] }

        func required(_ index: Int, into collector: inout FindingCollector) -> String? {
            guard let value = text(index) else {
                collector.add(.required(register, name(index)), at: row.location(of: index))
                return nil
            }
            return value
        }

        func day(_ index: Int, required: Bool, into collector: inout FindingCollector) -> Day? {
            guard let value = required ? self.required(index, into: &collector) : text(index) else { return nil }
            guard let day = Day(iso: value) else {
                collector.add(.date(register, name(index)), at: row.location(of: index), detail: "「\(value)」", detailEN: "'\(value)'")
                return nil
            }
            return day
        }

        /// An optional case date that may not precede `opened_on`.
        func laterDay(_ field: CaseField, openedOn: Day?, into collector: inout FindingCollector) -> Day? {
            guard let day = day(field.rawValue, required: false, into: &collector) else { return nil }
            if let openedOn, day < openedOn {
                collector.add(.notBefore(register, field.name, "opened_on"), at: row.location(of: field.rawValue),
                              detail: "\(day) < \(openedOn)", detailEN: "\(day) < \(openedOn)")
            }
            return day
        }

        func money(_ index: Int, into collector: inout FindingCollector) -> Money {
            guard let value = text(index) else { return .zero }
            guard let money = Money(yuan: value) else {
                collector.add(.money(register, name(index)), at: row.location(of: index), detail: "「\(value)」", detailEN: "'\(value)'")
                return .zero
            }
            return money
        }

        /// nil only when the value is not a boolean (a finding was added); empty means false.
        func boolean(_ index: Int, into collector: inout FindingCollector) -> Bool? {
            guard let value = text(index) else { return false }
            switch value.lowercased() {
            case "true", "是": return true
            case "false", "否": return false
            default:
                collector.add(.boolean(register, name(index)), at: row.location(of: index), detail: "「\(value)」", detailEN: "'\(value)'")
                return nil
            }
        }

        func code<Code: LabelledCode>(_ index: Int, required: Bool, into collector: inout FindingCollector) -> Code? {
            guard let value = required ? self.required(index, into: &collector) : text(index) else { return nil }
            guard let code = Code(codeOrLabel: value) else {
                collector.add(.code(register, name(index), expected: Code.expectedList), at: row.location(of: index),
                              detail: "「\(value)」", detailEN: "'\(value)'")
                return nil
            }
            return code
        }

        func source(into collector: inout FindingCollector) -> CaseSource? {
            let index = CaseField.source.rawValue
            guard let value = required(index, into: &collector) else { return nil }
            guard let source = CaseSource(codeOrLabel: value) else {
                collector.add(.code(register, "source", expected: CaseSource.expectedList), at: row.location(of: index),
                              detail: "「\(value)」", detailEN: "'\(value)'")
                return nil
            }
            return source
        }

        /// A `;`-separated list of codes or labels.
        func codes<Code: LabelledCode>(_ index: Int, required: Bool, rule: Rule, into collector: inout FindingCollector) -> [Code] {
            guard let value = required ? self.required(index, into: &collector) : text(index) else { return [] }
            var codes: [Code] = []
            var unknown: [String] = []
            for part in value.split(separator: ";", omittingEmptySubsequences: false) {
                let item = String(part).trimmingWhitespace
                if let code = Code(codeOrLabel: item) {
                    if !codes.contains(code) { codes.append(code) }
                } else {
                    unknown.append(item.isEmpty ? "(空)" : item)
                }
            }
            if !unknown.isEmpty {
                collector.add(rule, at: row.location(of: index),
                              detail: unknown.map { "「\($0)」" }.joined(separator: "、"),
                              detailEN: unknown.map { "'\($0)'" }.joined(separator: ", "))
            }
            return codes
        }

        func suspensionMonths(suspends: Bool, into collector: inout FindingCollector) -> Int? {
            let index = CaseField.suspensionMonths.rawValue
            let at = { row.location(of: index) }
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
}

extension String {
    /// The string without leading and trailing spaces, tabs, CR, LF and full-width spaces.
    var trimmingWhitespace: String {
        // Fast path: most values have no surrounding white space.
        if let first = utf8.first, let last = utf8.last, first > 0x20, last > 0x20, first < 0x80, last < 0x80 { return self }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{3000}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        if first == startIndex && last == index(before: endIndex) { return self }
        return String(self[first...last])
    }
}
