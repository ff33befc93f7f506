import FundWatchCore

/// The readable `fundwatch metrics` output: one row per metric, one column per county
/// and the city.
public enum MetricsText {
    public static func render(_ measurement: CityMetrics) -> String {
        var out = "专项治理指标 Campaign metrics \(measurement.window) (as of \(measurement.asOf))\n"
        for county in measurement.counties where county.status != .ok {
            let used = county.period.map { "uses \($0)" } ?? "no submission"
            out += "  \(county.countyCode) \(county.countyName): \(county.status.rawValue) \(county.status.label) (\(used))\n"
        }
        out += "\n"
        let header = ["指标 metric"] + measurement.counties.map { "\($0.countyName) \($0.countyCode)" } + ["全市 city"]
        let rows = MetricKey.allCases.map { key -> [String] in
            ["\(key.label)(\(key.unit)) \(key.name)"]
                + measurement.counties.map { $0.metrics.map { key.value(in: $0).display } ?? "—" }
                + [key.value(in: measurement.city).display]
        }
        return out + TextTable(header: header, rows: rows).rendered()
    }
}
