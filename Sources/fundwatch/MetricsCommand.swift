import ArgumentParser
import FundWatchCore
import FundWatchInput
import FundWatchReports

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Compute the campaign metrics per county and for the city over a window.",
        discussion: """
            Each county uses its latest submission for the month --to; a county without one falls back \
            to its latest earlier submission (status stale), or is marked missing. If any submission has an \
            error, nothing is computed: the findings are printed and the exit status is 1.
            """
    )

    @OptionGroup var windowOptions: WindowOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    @Argument(help: "Submissions: .xml files, CSV folders, .zip files, or folders holding them.")
    var paths: [String]

    func run() throws {
        let window = try windowOptions.window()
        let asOf = try windowOptions.asOfDay(window)
        let set = try Loader.accepted(paths)
        let choices: [CountyChoice<Submission>]
        do {
            choices = try chooseSubmissions(set.candidates, for: window.to, tieRule: .refuseDifferentContents)
        } catch {
            Console.err("error \(Rule.bundleConflict.id): \(error.description)\n")
            throw ExitCode(1)
        }
        let measurement = Measurement(choices: choices, window: window, asOf: asOf)
        Console.out(json ? MetricsJSON.document(measurement).serialized() : MetricsText.render(measurement))
    }
}
