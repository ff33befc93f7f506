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
