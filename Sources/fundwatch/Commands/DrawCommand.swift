import ArgumentParser
import Foundation
import FundWatchCore
import FundWatchDraw
import FundWatchPipeline
import FundWatchReports

struct DrawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "The 双随机 draw: inspection targets and inspectors drawn at random, reproducibly, and its plan, list and public list.",
        discussion: """
            Targets are the designated institutions of each county's latest return for --period, stratified by county, \
            category and (with --risk) risk class; every stratum draws ceil(ratio% × size). Each target gets two qualified \
            inspectors of different units (never of its own county under [draw] cross_county). The draw is a function of \
            --seed and the inputs' digests (docs/DRAW.md): fix the seed in public before drawing. Writes draw-plan.html/.xml, \
            draw-list.csv/.xlsx and draw-public.html/.xml/.csv/.xlsx into --out. \
            With --verify DIR it recomputes the plan in DIR from the same inputs and says "identical" (exit 0) or names the \
            first difference (exit 1).
            """
    )

    @Option(help: "The month drawn, YYYY-MM.")
    var period: String?

    @Option(help: "The public seed, fixed before the draw (e.g. \"2026-04-01 福彩3D 第2026088期 517\").")
    var seed: String?

    @Option(help: "The inspectors: CSV or XLSX with inspector_id,name,county_code,unit,qualified.")
    var inspectors: String

    @Option(help: "The least share drawn from every stratum, in percent.")
    var ratio: Int = 5

    @Option(help: "Risk classes: CSV or XLSX with institution_code,risk_class (A–D).")
    var risk: String?

    @Option(help: "Inspection items: CSV or XLSX with item_id,title[,category].")
    var items: String?

    @Option(name: .customLong("previous"), help: "A folder of an earlier plan (repeatable), so recent targets are excluded.")
    var previous: [String] = []

    @Option(help: "Write the plan into this folder.")
    var out: String?

    @Option(help: "Verify the plan in this folder instead of drawing.")
    var verify: String?

    @OptionGroup var settings: SettingsOptions

    @OptionGroup var source: SourceOptions

    func validate() throws {
        if verify == nil && (period == nil || seed == nil || out == nil) {
            throw ValidationError("give --period, --seed and --out (or --verify DIR)")
        }
        if verify != nil && (period != nil || seed != nil || out != nil) {
            throw ValidationError("--verify reads the period and seed from the plan: give no --period, --seed or --out")
        }
    }

    func run() async throws {
        let files = DrawFiles(inspectors: inspectors, risk: risk, items: items, previous: previous)
        if let verify {
            let difference = try await Console.run {
                let pipeline = try settings.pipeline()
                return try await source.with(pipeline) { try await pipeline.verifyDraw($0, folder: verify, files: files) }
            }
            if let difference {
                Console.err("不一致 different: \(difference)\n")
                throw ExitCode(1)
            }
            Console.out("一致 identical: \(verify) is the draw these inputs and its seed give\n")
            return
        }
        let month = try YearMonth.option(period!, name: "--period")
        try await Console.run {
            let pipeline = try settings.pipeline()
            let parameters = DrawParameters(period: month, seed: seed!, ratioPercent: ratio, settings: pipeline.settings.draw)
            let sink = FolderSink(directory: out!)
            Console.printWritten(try await source.with(pipeline) { try await pipeline.draw($0, parameters: parameters, files: files, into: sink) })
            Console.noteUnanswered(pipeline.templates)
        }
    }
}

struct DrawResultsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw-results",
        abstract: "Match a draw's targets with the inspections counties sent: the 抽查结果公示 list and what to follow up.",
        discussion: """
            Each drawn target is matched with 双随机抽查 inspections of it within the plan's window up to the end of --to, \
            and the cases from them. Writes draw-results.html, .csv and .xlsx: the results ready to publish, each county's \
            share inspected and publishable, targets not inspected by the end of the window, and 双随机 inspections of \
            institutions the plan never drew.
            """
    )

    @Option(help: "The plan's folder (its draw-plan.xml).")
    var plan: String

    @Option(help: "Match up to the end of this month, YYYY-MM.")
    var to: String

    @Option(help: "Folder to write into.")
    var out: String

    @OptionGroup var settings: SettingsOptions

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let month = try YearMonth.option(to, name: "--to")
        try await Console.run {
            let pipeline = try settings.pipeline()
            let sink = FolderSink(directory: out)
            Console.printWritten(try await source.with(pipeline) { try await pipeline.drawResults($0, planFolder: plan, to: month, into: sink) })
            Console.noteUnanswered(pipeline.templates)
        }
    }
}
