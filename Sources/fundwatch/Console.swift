import ArgumentParser
import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchPipeline
import FundWatchReports
import FundWatchReturns
import FundWatchStore

/// Writing to the terminal: results to standard output, findings and problems to standard
/// error; and the one place a pipeline error becomes a message and an exit status.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func out(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Runs a command's work; a pipeline error is printed and ends the command with exit
    /// status 1 (an exit status or usage error the work throws passes through).
    static func run<R>(_ work: () async throws -> R) async throws -> R {
        do {
            return try await work()
        } catch let error as PipelineError {
            report(error)
            throw ExitCode(1)
        } catch let error as StoreError {
            err("error: \(error.description)\n")
            throw ExitCode(1)
        } catch let refusal as Refusal {
            // A rule of the return cycle (a bad user name, a short password): its message, exit 1.
            err("error: \(refusal.message)\n")
            throw ExitCode(1)
        }
    }

    /// Prints a pipeline error as a clerk reads it.
    static func report(_ error: PipelineError) {
        switch error {
        case .validationFailed(let report):
            for finding in report.inputFindings { err(finding.formatted + "\n") }
            for outcome in report.outcomes {
                for finding in outcome.findings.findings where finding.severity == .error { err(finding.formatted + "\n") }
            }
            let warned = report.outcomes.map(\.findings.warningCount).filter { $0 > 0 }
            if !warned.isEmpty { err(warningNote(WarningNote(warnings: warned.reduce(0, +), submissions: warned.count))) }
            err("未生成结果:有提交文件未通过校验 / nothing produced: some submissions have errors\n")
        case .versionConflict(let conflict):
            err("error \(Rule.bundleConflict.id): \(conflict.description)\n")
        case .invalidList(let findings):
            for finding in findings { err(finding.formatted + "\n") }
            err("未生成结果:名单文件有错误 / nothing produced: the lists have errors\n")
        default:
            err("error: \(error.description)\n")
        }
    }

    /// The one line about warnings that do not change the figures.
    static func warningNote(_ note: WarningNote) -> String {
        "注意:\(note.submissions) 份提交共有 \(note.warnings) 条警告(不影响统计),详见 fundwatch validate / "
            + "note: \(note.warnings) warning(s) in \(note.submissions) submission(s), not affecting the figures; see fundwatch validate\n"
    }

    /// Tells of names the templates asked for that no document value has (a typo in a
    /// bureau's `--templates` copy prints as an empty cell); nothing when there are none.
    static func noteUnanswered(_ templates: TemplateSet) {
        let names = templates.unansweredNames
        guard !names.isEmpty else { return }
        err(
            "注意:模板中以下名称在文档数据中不存在,输出为空:\(names.joined(separator: "、"))(请核对 --templates 中的模板)/ "
                + "note: the templates ask for names no document value has, printed empty: \(names.joined(separator: ", "))\n")
    }

    /// Prints every finding of a validation, one per line.
    static func printFindings(_ report: ValidationReport) {
        for finding in report.inputFindings { err(finding.formatted + "\n") }
        for outcome in report.outcomes {
            for finding in outcome.findings.findings { err(finding.formatted + "\n") }
            if outcome.findings.omitted > 0 {
                err("\(outcome.source.displayName): … 另有 \(outcome.findings.omitted) 条问题未列出 / \(outcome.findings.omitted) more findings not listed\n")
            }
        }
    }

    /// Prints the paths of written files.
    static func printWritten(_ paths: [String]) {
        for path in paths { out(path + "\n") }
    }
}
