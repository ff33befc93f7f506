import ArgumentParser
import FundWatchCore
import FundWatchStore

@main
struct FundWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fundwatch",
        abstract: "医保基金监管专项治理统计 — validate county registers and compute the campaign metrics.",
        discussion: """
            PATH may be an .xml submission, a folder of CSV files (submission.csv, institutions.csv, \
            inspections.csv, cases.csv), a .zip of such a folder, or a folder that holds any of these.
            """,
        version: "fundwatch \(FundWatchRelease.number) (store schema \(StoreSchema.version))",
        subcommands: [
            ValidateCommand.self, MetricsCommand.self, RevisionsCommand.self, ReportCommand.self, NoticesCommand.self, NoticeCommand.self,
            TipoffsCommand.self,
            TimelinessCommand.self, EvaluateCommand.self, BulletinCommand.self, ImportCommand.self, HistoryCommand.self, SampleDataCommand.self,
            ServeCommand.self, UserCommand.self, AuditCommand.self, TemplateCommand.self, DrawCommand.self, DrawResultsCommand.self,
            BackupCommand.self, CheckCommand.self,
        ]
    )
}
