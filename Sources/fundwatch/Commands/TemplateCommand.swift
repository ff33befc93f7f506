import ArgumentParser
import Foundation
import FundWatchCore
import FundWatchPipeline

struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a county's fill-in workbook (填报模板, .xlsx) for one month.",
        discussion: """
            The workbook has a 填报说明 sheet, the sheets 报送信息, 定点医药机构, 检查 and 案件 with dropdowns on every \
            coded field, and the institutions register prefilled from the county's latest return in --db or the PATHs \
            (for that month or before; with neither, it starts empty). A filled workbook is read back by validate, \
            import and the portal like any other return.
            """
    )

    @Option(help: "County division code, e.g. 990101.")
    var county: String

    @Option(help: "The month the return is for, YYYY-MM.")
    var period: String

    @Option(help: "The workbook to write, e.g. 990101-2026-03.xlsx.")
    var out: String

    @Option(help: "Prefill from a store: a SQLite path, sqlite:PATH, or postgres://….")
    var db: String?

    @OptionGroup var settings: SettingsOptions

    @Argument(help: "Prefill from these returns instead (.xml, CSV folders, .zip, .xlsx, or folders holding them).")
    var paths: [String] = []

    func validate() throws {
        if db != nil && !paths.isEmpty { throw ValidationError("give either PATHs or --db, not both") }
        if !out.lowercased().hasSuffix(".xlsx") { throw ValidationError("--out must name an .xlsx file") }
    }

    func run() async throws {
        let month = try YearMonth.option(period, name: "--period")
        try await Console.run {
            let pipeline = try settings.pipeline()
            let bytes: [UInt8]
            if let db {
                bytes = try await StoreOptions.with(db, aligning: pipeline) {
                    try await pipeline.template(county: county, period: month, source: .store($0))
                }
            } else {
                bytes = try await pipeline.template(county: county, period: month, source: paths.isEmpty ? nil : .paths(paths))
            }
            let staging = out + ".part"
            guard FileManager.default.createFile(atPath: staging, contents: Data(bytes)), rename(staging, out) == 0 else {
                throw PipelineError.cannotWrite("cannot write \(out)")
            }
            Console.printWritten([out])
        }
    }
}
