import FundWatchCore

/// `fundwatch tipoffs --format json`: `{"as_of","tipoffs":[{"county_code","tipoff_id",
/// "channel","real_name","decision","deadlines":[{"step","due","status","days_left","days_over"}]}]}`.
/// Never the reporter.
public enum TipoffsJSON {
    public static func document(_ tipoffs: [TipoffStatus], asOf: Day) -> JSONValue {
        .object([
            ("as_of", .string(asOf.description)),
            (
                "tipoffs",
                .array(
                    tipoffs.map { t in
                        .object([
                            ("county_code", .string(t.countyCode)),
                            ("tipoff_id", .string(t.tipoffID)),
                            ("channel", .string(t.channel.code)),
                            ("real_name", .bool(t.realName)),
                            ("decision", .optional(t.decision?.code)),
                            (
                                "deadlines",
                                .array(
                                    t.deadlines.map { d in
                                        .object([
                                            ("step", .string(d.step.rawValue)),
                                            ("due", .optional(d.due?.description)),
                                            ("status", .string(d.status.rawValue)),
                                            ("days_left", .optional(d.daysLeft)),
                                            ("days_over", .optional(d.daysOver)),
                                        ])
                                    })
                            ),
                            ("county_name", .string(t.countyName)),
                            ("received_on", .string(t.receivedOn.description)),
                            ("subject_type", .string(t.subjectType.code)),
                        ])
                    })
            ),
        ])
    }
}

extension TipoffsJSON {
    /// A window's tip-off figures (table 7) in `metrics --json`: counts as integers, rewards as
    /// yuan, rates as displayed; per step the steps judged, on time and the rate.
    public static func figures(_ f: TipoffFigures) -> JSONValue {
        .object([
            ("received", .int(f.received)), ("filed", .int(f.filed)), ("closed", .int(f.closed)), ("substantiated", .int(f.substantiated)),
            ("substantiation_rate", .string(f.substantiationRate.display)), ("rewards_paid", .string(f.rewardsPaid.yuanString)),
            (
                "steps",
                .object(
                    TipoffStep.allCases.map { step in
                        let (judged, onTime) = f.counts(step)
                        return (
                            step.rawValue,
                            .object([("judged", .int(judged)), ("on_time", .int(onTime)), ("rate", .string(f.onTimeRate(step).display))])
                        )
                    })
            ),
        ])
    }
}

/// `fundwatch tipoffs` as a terminal table: a line per tip-off, each applicable step as
/// `状态 应办日期 剩/超 N`.
public enum TipoffsText {
    public static func render(_ tipoffs: [TipoffStatus], asOf: Day) -> String {
        let overdue = tipoffs.filter(\.isOverdue).count
        var out = "举报线索台账 tip-offs as of \(asOf): \(tipoffs.count) tip-off(s), \(overdue) with an overdue step (working days)\n\n"
        let rows = tipoffs.map { t -> [String] in
            [
                t.countyName + " " + t.countyCode, t.tipoffID, t.receivedOn.description, t.channel.label, t.realName ? "实名" : "匿名",
                t.decision?.label ?? "—",
            ]
                + t.deadlines.map(cell)
        }
        out += TextTable(header: ["县(区)", "线索编号", "受理", "渠道", "实名", "立案"] + TipoffStep.allCases.map(\.label), rows: rows).rendered()
        return out
    }

    static func cell(_ d: TipoffDeadline) -> String {
        switch d.status {
        case .notApplicable: "—"
        case .pending: d.status.label
        case .due: "\(d.status.label) \(d.due!) 剩 \(d.daysLeft ?? 0)"
        case .overdue: "\(d.status.label) \(d.due!) 超 \(d.daysOver ?? 0)"
        case .late: "\(d.status.label) 超 \(d.daysOver ?? 0)"
        case .onTime: d.status.label
        }
    }
}
