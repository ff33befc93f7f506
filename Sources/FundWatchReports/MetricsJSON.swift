import FundWatchCore

/// The `fundwatch metrics --json` document:
/// `{"from","to","as_of","counties":[{"county_code","county_name","status","metrics":{…}}],"city":{"metrics":{…}}}`.
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
            ("city", .object([("metrics", metrics(measurement.city))])),
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
        ])
    }

    /// Every metric of METRICS.md, in its order.
    public static func metrics(_ metrics: Metrics) -> JSONValue {
        .object(
            MetricKey.allCases.map { key in
                switch key.value(in: metrics) {
                case .count(let n): (key.name, .int(n))
                case .money(let m): (key.name, .string(m.yuanString))
                case .rate(let r): (key.name, .string(r.display))
                }
            })
    }
}
