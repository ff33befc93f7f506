import Foundation
import FundWatchCore
import FundWatchInput

/// The output formats of a report.
public enum ReportFormat: String, CaseIterable, Sendable {
    case html, xml, csv
}

/// Renders a report into files: `report.html`, `report.xml`, `table1.csv` … `table6.csv`.
public struct ReportWriter: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) { self.templates = templates }

    /// A rendered file: its name and bytes.
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
    }

    /// A document FundWatch would write does not validate (an edited template broke it).
    public struct InvalidOutput: Error, CustomStringConvertible {
        public var findings: [Finding]
        public var description: String {
            "the rendered XML does not validate against report.xsd; nothing was written:\n"
                + findings.map(\.formatted).joined(separator: "\n")
        }
    }

    /// Renders the formats asked for, in a fixed order. The XML is checked against
    /// `report.xsd` before anything is returned.
    public func render(_ document: ReportDocument, formats: Set<ReportFormat>) throws -> [File] {
        var files: [File] = []
        let model = ReportViewModel.make(document)
        if formats.contains(.html) {
            files.append(File(name: "report.html", bytes: Array(try templates.render("report.html", model).utf8)))
        }
        if formats.contains(.xml) {
            let bytes = Array(try templates.render("report.xml", model).utf8)
            let problems = XMLSchemaCheck.problems(in: bytes, name: "report.xml", schema: try templates.schema("report.xsd"))
            if !problems.isEmpty { throw InvalidOutput(findings: problems) }
            files.append(File(name: "report.xml", bytes: bytes))
        }
        if formats.contains(.csv) {
            for table in document.tables {
                files.append(File(name: "\(table.id).csv", bytes: CSVTableWriter.render(table, document: document)))
            }
        }
        return files
    }

    /// Renders and writes into `directory` (created if needed). Nothing is written unless
    /// every file rendered.
    public func write(_ document: ReportDocument, formats: Set<ReportFormat>, to directory: String) throws -> [String] {
        let files = try render(document, formats: formats)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try files.map { file in
            let path = directory + "/" + file.name
            try Data(file.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            return path
        }
    }
}
