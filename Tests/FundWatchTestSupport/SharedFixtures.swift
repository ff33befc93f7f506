import Foundation

/// The fixtures several test targets read, kept once (`Tests/FundWatchTestSupport/Fixtures/`):
/// the specification's worked example and the zip whose last entry never ends.
///
/// Target-specific fixtures (workbooks, GBK files, broken archives of one reader) stay in
/// their own target's `Fixtures/`.
public enum SharedFixtures {
    /// The folder holding the shared fixtures.
    public static var folder: String { Bundle.module.resourceURL!.appendingPathComponent("Fixtures").path }

    /// The worked example's folder: the return in XML, as a CSV folder, and the expected figures.
    public static var example: String { folder + "/example" }

    /// County 990101's March 2026 return in XML.
    public static var exampleXML: String { example + "/990101-2026-03.xml" }

    /// The same return as a CSV folder (`submission.csv`, `institutions.csv`, …).
    public static var exampleCSV: String { example + "/990101-2026-03-csv" }

    /// A tip-off register (`tipoffs.csv`) for the worked example's county and month, with a
    /// configuration (`fundwatch.conf`) and the working-day calendar it names (`holidays.csv`).
    public static var exampleTipoffs: String { example + "/tipoffs" }

    /// The expected `fundwatch metrics --json` answer for a window: `Q1` or `march`.
    public static func expectedMetrics(_ window: String) -> String { example + "/expected-metrics-\(window).json" }

    /// Workbooks openpyxl wrote: the worked example (`example-typed.xlsx` with typed cells,
    /// `example-text.xlsx` with every cell text) and broken copies, one fault each (`broken-*.xlsx`).
    public static var workbooks: String { folder + "/xlsx" }

    /// A zip whose last entry's deflate stream claims more bytes than follow
    /// (made by `Tests/FundWatchZipTests/Fixtures/make-fixtures.py`).
    public static var truncatedZip: String { folder + "/truncated-deflate.zip" }

    /// The bytes of a file.
    public static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
