import FundWatchInput
import Foundation

/// Writing to the terminal: results to standard output, findings and problems to standard error.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints the errors of a set of submissions in full and its warnings as one line
    /// (`validate` shows them all), for commands that produce results from the data.
    static func reportErrors<Payload>(_ set: ReadSet<Payload>) {
        for finding in set.pathFindings { err(finding.formatted + "\n") }
        var warnings = 0, withWarnings = 0
        for item in set.loaded {
            for finding in item.findings.findings where finding.severity == .error { err(finding.formatted + "\n") }
            warnings += item.findings.warningCount
            if item.findings.warningCount > 0 { withWarnings += 1 }
        }
        if warnings > 0 {
            err("注意:\(withWarnings) 份提交共有 \(warnings) 条警告(不影响统计),详见 fundwatch validate / "
                + "note: \(warnings) warning(s) in \(withWarnings) submission(s), not affecting the figures; see fundwatch validate\n")
        }
    }

    /// Prints every finding of a set of submissions to standard error, one per line.
    static func report(_ set: SubmissionSet) {
        for finding in set.pathFindings { err(finding.formatted + "\n") }
        for item in set.loaded {
            for finding in item.findings.findings { err(finding.formatted + "\n") }
            if item.findings.omitted > 0 {
                err("\(item.source.displayName): … 另有 \(item.findings.omitted) 条问题未列出 / \(item.findings.omitted) more findings not listed\n")
            }
        }
    }
}
