import FundWatchCore

/// The `fundwatch metrics --json` document:
/// `{"from","to","as_of","counties":[{"county_code","county_name","status","metrics":{…},"tipoffs":{…}}],"city":{"metrics":{…},"tipoffs":{…}}}`
/// (`tipoffs`: the window's tip-off figures, docs/METRICS.md "Tip-offs").
///
/// Counts are JSON integers, money exact yuan strings with two decimals, rates the
/// displayed percentage (`"75.0%"` or `"—"`).
public enum MetricsJSON {
    public static func document(_ measurement: CityMetrics) -> JSONValue {
        .object([
            ("from", .string(measurement.window.from.description)),
            ("to", .string(measurement.window.to.description)),
            ("as_of", .string(measurement.asOf.description)),
            ("counties", .array(measurement.counties.map(county))),
            (
                "city",
                .object([("metrics", metrics(measurement.city))] + (measurement.cityTipoffs.map { [("tipoffs", TipoffsJSON.figures($0))] } ?? []))
            ),
        ])
    }

    static func county(_ county: CityMetrics.County) -> JSONValue {
        .object([
            ("county_code", .string(county.countyCode)),
            ("county_name", .string(county.countyName)),
            ("status", .string(county.status.rawValue)),
            ("period", .optional(county.period?.description)),
            ("submitted_on", .optional(county.submittedOn?.description)),
            ("digest", .optional(county.digest)),
            ("metrics", county.metrics.map(metrics) ?? .null),
            ("tipoffs", county.tipoffs.map(TipoffsJSON.figures) ?? .null),
        ])
    }

    /// Every metric of METRICS.md, in its order.
    public static func metrics(_ metrics: Metrics) -> JSONValue {
        .object(MetricKey.allCases.map { key in (key.name, value(key.value(in: metrics))) })
    }

    /// One metric's value: a count as an integer, money as exact yuan, a rate as displayed.
    public static func value(_ value: MetricValue) -> JSONValue {
        switch value {
        case .count(let n): .int(n)
        case .money(let m): .string(m.yuanString)
        case .rate(let r): .string(r.display)
        }
    }
}
