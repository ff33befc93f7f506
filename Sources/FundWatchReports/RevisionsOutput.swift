import FundWatchCore
import FundWatchCrypto

/// `fundwatch revisions --format json`:
/// `{"to","revisions":[{"county_code","county_name","month","metric","reported","now","source_period"}]}`,
/// values as in the metrics JSON (counts as integers, money as exact yuan strings, rates as displayed).
public enum RevisionsJSON {
    public static func document(_ revisions: [Revision], to: YearMonth) -> JSONValue {
        .object([
            ("to", .string(to.description)),
            (
                "revisions",
                .array(
                    revisions.map { r in
                        .object([
                            ("county_code", .string(r.countyCode)),
                            ("county_name", .string(r.countyName)),
                            ("month", .string(r.month.description)),
                            ("metric", .string(r.metric.name)),
                            ("reported", MetricsJSON.value(r.reported)),
                            ("now", MetricsJSON.value(r.now)),
                            ("source_period", .string(r.sourcePeriod.description)),
                        ])
                    })
            ),
        ])
    }
}

/// `fundwatch revisions` as a terminal table, and as a report table (HTML, CSV).
public enum RevisionsTable {
    static let header = ["县(区)", "月份", "指标", "首次报送", "现值", "修订于"]

    static func cells(_ r: Revision) -> [String] {
        [
            "\(r.countyName) \(r.countyCode)", r.month.description, r.metric.label + (r.metric.unit.isEmpty ? "" : "(\(r.metric.unit))"),
            r.reported.display, r.now.display, "\(r.sourcePeriod) 报表",
        ]
    }

    public static func text(_ revisions: [Revision], to: YearMonth) -> String {
        let months = Set(revisions.map { "\($0.countyCode) \($0.month)" }).count
        var out = "数据修订 revisions to \(to): \(revisions.count) figure(s) of \(months) county-month(s) restated since first reported\n\n"
        out += TextTable(header: header, rows: revisions.map(cells)).rendered()
        return out
    }

    /// The revisions as a one-table document, for the HTML and CSV renderers; its input
    /// digest is over the revisions' JSON.
    public static func document(_ revisions: [Revision], to: YearMonth) -> ReportDocument {
        ReportDocument(
            title: "数据修订情况", window: .yearToDate(to), yearToDate: .yearToDate(to), asOf: to.lastDay, provenance: [],
            inputDigest: SHA256Digest.hex(of: RevisionsJSON.document(revisions, to: to).serialized()), tables: [table(revisions, to: to)])
    }

    /// The revisions as one report table (`revisions`), for the HTML and CSV renderers.
    public static func table(_ revisions: [Revision], to: YearMonth) -> ReportTable {
        ReportTable(
            id: "revisions", number: 1, title: "数据修订情况表(截至 \(to.year)年\(to.month)月报表)", rowHeading: "县(区)",
            columns: [
                ReportColumn(key: "month", label: "月份"), ReportColumn(key: "metric", label: "指标"),
                ReportColumn(key: "reported", label: "首次报送"), ReportColumn(key: "now", label: "现值"),
                ReportColumn(key: "source_period", label: "修订于"),
            ],
            rows: revisions.map { r in
                let c = cells(r)
                return ReportRow(
                    key: "\(r.countyCode)-\(r.month)-\(r.metric.name)", label: c[0], cells: c.dropFirst().map { .text($0) })
            },
            footnotes: [
                "台账按年累计,后来的报表会改写以前月份的数字(补录、更正)。首次报送:该月本身报表(当前版本)中该月的数字;"
                    + "现值:截至所选月份最新报表中该月的数字;修订于:第一次改写它的报表。金额单位:万元。"
            ])
    }
}
