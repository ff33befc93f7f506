import FundWatchCore

/// `fundwatch notices --format json`:
/// `{"as_of","notices":[{"county_code","case_id","trigger","due","status","days_left","days_over",…}]}`.
public enum NoticesJSON {
    public static func document(_ notices: [MajorCaseNotice], asOf: Day) -> JSONValue {
        .object([
            ("as_of", .string(asOf.description)),
            (
                "notices",
                .array(
                    notices.map { n in
                        .object([
                            ("county_code", .string(n.countyCode)),
                            ("case_id", .string(n.caseID)),
                            ("trigger", .optional(n.trigger?.description)),
                            ("due", .optional(n.due?.description)),
                            ("status", .string(n.status.rawValue)),
                            ("days_left", .optional(n.daysLeft)),
                            ("days_over", .optional(n.daysOver)),
                            ("county_name", .string(n.countyName)),
                            ("institution_code", .string(n.institutionCode)),
                            ("institution_name", .string(n.institutionName)),
                            ("reasons", .array(n.reasons.map { .string($0.rawValue) })),
                            ("amount_involved", .string(n.amountInvolved.yuanString)),
                            ("sent", .optional(n.sent?.description)),
                        ])
                    })
            ),
        ])
    }
}

/// `fundwatch notices` as a terminal table.
public enum NoticesText {
    public static func render(_ notices: [MajorCaseNotice], asOf: Day) -> String {
        let overdue = notices.filter { $0.status == .overdue }.count
        var out = "要情报告台账 major-case notices as of \(asOf): \(notices.count) major case(s), \(overdue) overdue\n\n"
        let rows = notices.map(row)
        out += TextTable(header: ["县(区)", "案件编号", "机构", "重大情形", "触发", "应报", "报送", "状态", "天数"], rows: rows).rendered()
        return out
    }

    static func row(_ n: MajorCaseNotice) -> [String] {
        let days: String
        if let left = n.daysLeft { days = "剩 \(left) 天" } else if let over = n.daysOver { days = "超 \(over) 天" } else { days = "" }
        let reasons: String = n.reasons.map(\.label).joined(separator: "、")
        return [
            n.countyName + " " + n.countyCode, n.caseID, n.institutionName, reasons,
            n.trigger?.description ?? "—", n.due?.description ?? "—", n.sent?.description ?? "—",
            n.status.label + " " + n.status.rawValue, days,
        ]
    }
}
