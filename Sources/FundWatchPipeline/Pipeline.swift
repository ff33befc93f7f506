import Foundation
import FundWatchCore
import FundWatchCrypto
import FundWatchInput
import FundWatchReports

/// FundWatch's pipeline, the one piece of code every front door (the CLI, the portal)
/// calls: sources (paths, or uploaded bytes) → read and validate → choose versions (files or
/// a store) → summarise → a report document → renderers → an output sink (a folder, or
/// memory a response is written from).
///
/// Every job is `async` and does its CPU-heavy work on dispatch queues, never on Swift's
/// cooperative pool; every failure is a ``PipelineError``; nothing here prints or exits.
///
/// ```swift
/// let pipeline = try Pipeline()
/// let sink = try FolderSink(directory: "reports")
/// let written = try await pipeline.report(.paths(["samples/city"]), window: try Window(to: month), into: sink)
/// ```
public struct Pipeline: Sendable {
    /// Thresholds, deadlines, weights and texts (`--config`).
    public var settings: Settings
    /// The templates documents render from.
    public var templates: TemplateSet
    /// The readers' limits.
    public var limits: ReadLimits
    /// Told how many warnings the submissions a job read carry (they never change a figure).
    public var warningsObserver: (@Sendable (WarningNote) -> Void)?
    /// How an import keeps each case's reporter: encrypted under `[store] reporter_key_file`,
    /// or only whether there was one.
    public var reporterSeal: ReporterSeal

    /// A pipeline with `settings`, the templates of `templatesDirectory` (the built-in ones
    /// by default) and the readers' `limits`.
    public init(settings: Settings = Settings(), templatesDirectory: String? = nil, limits: ReadLimits = .standard) throws(PipelineError) {
        self.settings = settings
        self.limits = limits
        if let keyFile = settings.store.reporterKeyFile {
            do { reporterSeal = try ReporterSeal(keyFile: keyFile) } catch { throw .badConfiguration(error.description) }
        } else {
            reporterSeal = .presenceOnly
        }
        do {
            templates = try templatesDirectory.map { try TemplateSet(directory: $0) } ?? TemplateSet.defaults()
        } catch {
            throw .badTemplate("\(error)")
        }
    }

    /// Reads the configuration file at `path` (README, "Configuration").
    public static func settings(file path: String) throws(PipelineError) -> Settings {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .badConfiguration("configuration file \(path) cannot be read as UTF-8 text")
        }
        var settings: Settings
        do {
            settings = try Settings(try ConfigFile(text: text, file: path))
        } catch {
            throw .badConfiguration("configuration \(error.description)")
        }
        if let calendar = settings.policy.tipoffs.calendarFile {
            guard let data = FileManager.default.contents(atPath: calendar), let text = String(data: data, encoding: .utf8) else {
                throw .badConfiguration("the working-day calendar \(calendar) ([calendar] file in \(path)) cannot be read as UTF-8 text")
            }
            do { settings.policy.tipoffs.calendar = try WorkingCalendar(csv: text, file: calendar) } catch {
                throw .badConfiguration("calendar \(error.description)")
            }
        }
        return settings
    }

    var reader: SubmissionReader { SubmissionReader(limits: limits, seal: reporterSeal) }
    var writer: ReportWriter { ReportWriter(templates: templates, workbook: settings.report) }
}
