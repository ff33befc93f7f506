import FundWatchCore
import ArgumentParser
import FundWatchInput
import FundWatchHashing
import FundWatchReports

/// Reading inputs the way every reporting command does.
enum Loader {
    /// Reads `paths`; prints findings; stops with exit 1 when anything has an error.
    static func accepted(_ paths: [String]) throws -> SubmissionSet {
        try checked(SubmissionSet(paths: paths, reader: .withCryptoDigest()))
    }

    /// Reads `paths` keeping a summary of each submission; prints findings; stops with exit 1
    /// when anything has an error.
    static func accepted<Summary>(_ paths: [String], summarising summarise: @Sendable (Submission) -> Summary) throws -> ReadSet<Summary> {
        try checked(ReadSet(paths: paths, reader: .withCryptoDigest(), summarising: summarise))
    }

    private static func checked<Payload>(_ set: ReadSet<Payload>) throws -> ReadSet<Payload> {
        Console.reportErrors(set)
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

extension Loader {
    /// `--as-of`, or a default; an error when neither is known.
    static func asOf(_ text: String?, default fallback: Day?) throws -> Day {
        if let text {
            guard let day = Day(iso: text) else { throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(text)'") }
            return day
        }
        guard let fallback else { throw ValidationError("no submission to take a default --as-of from; give --as-of") }
        return fallback
    }

    /// Chooses each county's version for `month` among files given together; a tie of
    /// different contents is exit 1.
    static func choose<Payload>(_ candidates: [SubmissionCandidate<Payload>], for month: YearMonth) throws -> [CountyChoice<Payload>] {
        do {
            return try chooseSubmissions(candidates, for: month, tieRule: .refuseDifferentContents)
        } catch {
            Console.err("error \(Rule.bundleConflict.id): \(error.description)\n")
            throw ExitCode(1)
        }
    }

    /// Renders a document in one format; a rendering problem is exit 1.
    static func render(_ document: ReportDocument, format: ReportFormat, templates directory: String?) throws -> [ReportWriter.File] {
        let writer = ReportWriter(templates: try templates(directory))
        do {
            return try writer.render(document, formats: [format])
        } catch {
            Console.err("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}

extension Loader {
    /// Runs `body` on the candidates and closes a store afterwards, whatever happens.
    static func closing<R>(_ candidates: Candidates, _ body: (Candidates) async throws -> R) async throws -> R {
        do {
            let result = try await body(candidates)
            await candidates.close()
            return result
        } catch {
            await candidates.close()
            if error is ExitCode || error is ValidationError { throw error }
            if let conflict = error as? VersionConflict {
                Console.err("error \(Rule.bundleConflict.id): \(conflict.description)\n")
            } else {
                Console.err("error: \(error)\n")
            }
            throw ExitCode(1)
        }
    }
}

extension Loader {
    /// Writes a one-table document as `NAME.html`, `NAME.xml` and `NAME.csv` into `directory`.
    static func writeSingleTable(_ document: ReportDocument, name: String, templates directory: String?, to out: String) throws -> [String] {
        let writer = ReportWriter(templates: try templates(directory))
        do {
            let files = try writer.render(document, formats: Set(ReportFormat.allCases)).map { file -> ReportWriter.File in
                let ext = file.name.hasSuffix(".csv") ? "csv" : String(file.name.split(separator: ".").last!)
                return ReportWriter.File(name: "\(name).\(ext)", bytes: file.bytes)
            }
            return try writer.write(files, to: out)
        } catch {
            Console.err("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}
