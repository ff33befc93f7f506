import FundWatchCore
import FundWatchReports
import FundWatchReturns

/// The one JSON encoding of a version's plausibility warnings (API `GET /api/v1/warnings`
/// and the answer to explanations): the county, month and version, how many are open, and
/// each warning as ``FindingJSON`` writes it with its `explanation` (`text`, `by`, `at` in
/// UTC seconds) or null.
enum WarningsJSON {
    static func encode(_ w: VersionWarnings) -> JSONValue {
        .object([
            ("county_code", .string(w.countyCode)), ("period", .string(w.period.description)), ("version", .int(w.number)),
            ("open", .int(w.open)),
            (
                "warnings",
                .array(
                    w.items.map { item in
                        guard case .object(var fields) = FindingJSON.encode(item.warning) else { return .null }
                        fields.append(
                            (
                                "explanation",
                                item.explanation.map { e in
                                    JSONValue.object([("text", .string(e.text)), ("by", .string(e.actor)), ("at", .int(Int(e.at)))])
                                } ?? .null
                            ))
                        return .object(fields)
                    })
            ),
        ])
    }
}
