import ArgumentParser
import FundWatchInput
import FundWatchReports

/// Reading inputs the way every reporting command does.
enum Loader {
    /// Reads `paths`; prints findings; stops with exit 1 when anything has an error.
    static func accepted(_ paths: [String]) throws -> SubmissionSet {
        let set = SubmissionSet(paths: paths)
        Console.report(set)
        if set.hasErrors {
            Console.err("未生成结果:有提交文件未通过校验 / nothing produced: some submissions have errors\n")
            throw ExitCode(1)
        }
        return set
    }

    /// The built-in templates, or those of `directory`.
    static func templates(_ directory: String?) throws -> TemplateSet {
        do {
            return try directory.map { try TemplateSet(directory: $0) } ?? TemplateSet.defaults()
        } catch {
            Console.err("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}
