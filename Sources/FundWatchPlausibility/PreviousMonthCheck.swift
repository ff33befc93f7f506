import FundWatchCore
import FundWatchInput

/// A return against the county's return for the month before (its current version): rows
/// gone, closed cases changed, rows added to months already reported, and the institutions
/// register's size. The registers are year to date, so the comparison needs both months in
/// one year; a January return has nothing to be compared with.
struct PreviousMonthCheck {
    let settings: PlausibilitySettings

    func findings(_ current: ReturnProfile, file: String, previous: ReturnProfile) -> [Finding] {
        guard previous.countyCode == current.countyCode, previous.period == current.period.previous, previous.period.year == current.period.year
        else { return [] }
        let inspections = Self.difference(previous.inspections, current.inspections)
        let cases = Self.difference(previous.cases.map(\.caseID), current.cases.map(\.caseID))
        var out: [Finding] = []
        out += missingRows(cases.gone, inspections.gone, file: file)
        out += changedCases(current, file: file, previous: previous)
        out += backdatedRows(current, newCaseIDs: Set(cases.added), newInspections: inspections.added, file: file, previous: previous)
        out += registerSize(current, file: file, previous: previous)
        return out
    }

    /// The rows of `previous` that `current` no longer has and the rows `current` adds, each
    /// in register order and counted as a multiset (two equal rows are two rows). A month
    /// that only appends to the year's registers, the usual case, is compared row by row
    /// without hashing.
    static func difference<Row: Hashable>(_ previous: [Row], _ current: [Row]) -> (gone: [Row], added: [Row]) {
        if previous.count <= current.count, current.starts(with: previous) {
            return ([], Array(current[previous.count...]))
        }
        var left = Dictionary(current.map { ($0, 1) }, uniquingKeysWith: +)
        var gone: [Row] = []
        for row in previous {
            if let n = left[row], n > 0 {
                left[row] = n - 1
            } else {
                gone.append(row)
            }
        }
        var old = Dictionary(previous.map { ($0, 1) }, uniquingKeysWith: +)
        var added: [Row] = []
        for row in current {
            if let n = old[row], n > 0 {
                old[row] = n - 1
            } else {
                added.append(row)
            }
        }
        return (gone, added)
    }

    /// Where a finding about `register` points: the file, the register's key field.
    private func place(_ file: String, _ register: Register, _ field: String) -> FindingLocation {
        FindingLocation(file: file, line: nil, column: field, label: register.label(named: field))
    }

    private func missingRows(_ goneCases: [String], _ goneInspections: [InspectionKey], file: String) -> [Finding] {
        var out: [Finding] = []
        for gone in goneCases {
            out.append(
                finding(
                    .rowMissing, place(file, .cases, "case_id"), key: gone, detail: "查处台账 案件编号 \(gone)",
                    detailEN: "cases, case_id \(gone)"))
        }
        for gone in goneInspections {
            out.append(
                finding(
                    .rowMissing, place(file, .inspections, "institution_code"), key: gone.text,
                    detail: "检查台账 \(gone.institutionCode) \(gone.day)(\(InspectionMethod(rawValue: gone.method)?.label ?? gone.method))",
                    detailEN: "inspections, \(gone.institutionCode) on \(gone.day)"))
        }
        return out
    }

    private func changedCases(_ current: ReturnProfile, file: String, previous: ReturnProfile) -> [Finding] {
        let before = Dictionary(previous.cases.map { ($0.caseID, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Finding] = []
        for now in current.cases {
            guard let then = before[now.caseID], then.closedOn != nil else { continue }
            let changes = Self.changes(from: then, to: now)
            guard !changes.isEmpty else { continue }
            out.append(
                finding(
                    .rowChanged, place(file, .cases, "case_id"), key: now.caseID,
                    detail: "案件编号 \(now.caseID):" + changes.map(\.zh).joined(separator: ";"),
                    detailEN: "case_id \(now.caseID): " + changes.map(\.en).joined(separator: "; ")))
        }
        return out
    }

    /// What differs between two states of a closed case, field by field (amounts, violations, actions).
    static func changes(from then: CaseFacts, to now: CaseFacts) -> [(zh: String, en: String)] {
        var out: [(zh: String, en: String)] = []
        for (index, field) in CaseFacts.amountFields.enumerated() where then.amounts[index] != now.amounts[index] {
            let a = then.amounts[index].yuanString, b = now.amounts[index].yuanString
            out.append(("\(Register.cases.label(named: field)) \(a) → \(b)", "\(field) \(a) → \(b)"))
        }
        if then.violations != now.violations {
            let a = then.violations, b = now.violations
            out.append(("违规类型 \(a) → \(b)", "violations \(a) → \(b)"))
        }
        if then.actions != now.actions {
            let a = then.actions, b = now.actions
            out.append(("处理方式 \(a.isEmpty ? "无" : a) → \(b.isEmpty ? "无" : b)", "actions \(a) → \(b)"))
        }
        return out
    }

    /// New rows dated in a month the previous return already covered, one finding per
    /// register and month (the key is the month: its figures change).
    private func backdatedRows(
        _ current: ReturnProfile, newCaseIDs: Set<String>, newInspections: [InspectionKey], file: String, previous: ReturnProfile
    ) -> [Finding] {
        let reported = previous.period
        var out: [Finding] = []
        let newCases = current.cases.filter { newCaseIDs.contains($0.caseID) && $0.openedOn.yearMonth <= reported }
        for (month, rows) in Dictionary(grouping: newCases, by: { $0.openedOn.yearMonth }).sorted(by: { $0.key < $1.key }) {
            let ids = rows.map(\.caseID)
            out.append(
                finding(
                    .rowBackdated, place(file, .cases, "opened_on"), key: month.description,
                    detail: "查处台账补录 \(month) 立案的 \(rows.count) 件(\(Self.list(ids)))",
                    detailEN: "cases: \(rows.count) opened in \(month) (\(Self.list(ids)))"))
        }
        let added = newInspections.filter { $0.day.yearMonth <= reported }
        for (month, rows) in Dictionary(grouping: added, by: { $0.day.yearMonth }).sorted(by: { $0.key < $1.key }) {
            let ids = rows.map { "\($0.institutionCode) \($0.day)" }
            out.append(
                finding(
                    .rowBackdated, place(file, .inspections, "inspected_on"), key: month.description,
                    detail: "检查台账补录 \(month) 的 \(rows.count) 次检查(\(Self.list(ids)))",
                    detailEN: "inspections: \(rows.count) dated in \(month) (\(Self.list(ids)))"))
        }
        return out
    }

    private func registerSize(_ current: ReturnProfile, file: String, previous: ReturnProfile) -> [Finding] {
        let before = previous.institutionCount, now = current.institutionCount
        let change = abs(now - before)
        guard change >= settings.registerChangeRows, change * 100 > settings.registerChangePercent * max(before, 1) else { return [] }
        let share = before == 0 ? "" : "," + Rate(change, of: before).display
        return [
            finding(
                now < before ? .registerShrunk : .registerGrew, place(file, .institutions, "code"), key: "institutions",
                detail: "\(before) → \(now) 行\(share)", detailEN: "\(before) → \(now) rows")
        ]
    }

    private func finding(_ rule: Rule, _ location: FindingLocation, key: String, detail: String, detailEN: String) -> Finding {
        Finding(
            at: location, rule: rule.id, severity: rule.severity, message: rule.message + ":" + detail,
            messageEN: rule.messageEN + ": " + detailEN, expected: rule.expected, key: key)
    }

    /// At most five ids, then how many more.
    static func list(_ ids: [String]) -> String {
        ids.count <= 5 ? ids.joined(separator: "、") : ids.prefix(5).joined(separator: "、") + " 等 \(ids.count) 项"
    }
}
