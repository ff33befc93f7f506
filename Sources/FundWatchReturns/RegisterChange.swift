import FundWatchCore

/// What changed in one register between two versions of a return: rows added, removed
/// and changed (same key, other values). Institutions are keyed by code, cases by case id;
/// inspections have no key of their own, so they are compared as whole rows.
public struct RegisterChange: Sendable, Equatable {
    public var register: String
    public var label: String
    public var added: Int
    public var removed: Int
    public var changed: Int

    public var isEmpty: Bool { added == 0 && removed == 0 && changed == 0 }

    /// The changes from `old` to `new`, one entry per register (unchanged ones included).
    public static func between(_ old: Submission, _ new: Submission) -> [RegisterChange] {
        [
            keyed("institutions", "定点医药机构", old.institutions, new.institutions, key: \.code),
            rows("inspections", "检查", old.inspections, new.inspections),
            keyed("cases", "案件", old.cases, new.cases, key: \.caseID),
        ]
    }

    private static func keyed<Row: Hashable>(_ register: String, _ label: String, _ old: [Row], _ new: [Row], key: (Row) -> String) -> RegisterChange
    {
        let before = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let added = after.keys.filter { before[$0] == nil }.count
        let removed = before.keys.filter { after[$0] == nil }.count
        let changed = after.filter { k, v in before[k].map { $0 != v } ?? false }.count
        return RegisterChange(register: register, label: label, added: added, removed: removed, changed: changed)
    }

    private static func rows<Row: Hashable>(_ register: String, _ label: String, _ old: [Row], _ new: [Row]) -> RegisterChange {
        var counts: [Row: Int] = [:]
        for r in old { counts[r, default: 0] += 1 }
        for r in new { counts[r, default: 0] -= 1 }
        let added = counts.values.filter { $0 < 0 }.reduce(0) { $0 - $1 }
        let removed = counts.values.filter { $0 > 0 }.reduce(0, +)
        return RegisterChange(register: register, label: label, added: added, removed: removed, changed: 0)
    }
}
