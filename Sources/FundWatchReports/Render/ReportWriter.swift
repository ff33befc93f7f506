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

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
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
        // Two jobs at once, one per core: the XML (render, then check against the schema:
        // the longest) and everything else (the HTML, then the CSV tables). Each job makes
        // its own view model (a `[String: Any]` tree, not Sendable; cheap, the rows are lazy).
        enum Job: CaseIterable { case xml, rest }
        let rendered = Job.allCases.parallelMap { job -> Result<[File], Error> in
            Result {
                switch job {
                case .xml:
                    guard formats.contains(.xml) else { return [] }
                    return [File(name: "report.xml", bytes: try validXML("report", ReportViewModel.make(document)))]
                case .rest:
                    var files: [File] = []
                    if formats.contains(.html) {
                        files.append(File(name: "report.html", bytes: try templates.render("report.html", ReportViewModel.make(document))))
                    }
                    if formats.contains(.csv) {
                        for table in document.tables {
                            files.append(File(name: "\(table.id).csv", bytes: CSVTableWriter.render(table, document: document)))
                        }
                    }
                    return files
                }
            }
        }
        let xml = try rendered[0].get(), rest = try rendered[1].get()
        // In a fixed order: report.html, report.xml, table1.csv … table6.csv.
        return rest.filter { $0.name == "report.html" } + xml + rest.filter { $0.name != "report.html" }
    }

    /// Renders template `name.xml` and checks it against `name.xsd`, on another thread while
    /// it renders (the check of a national report is as long as its rendering).
    func validXML(_ name: String, _ model: [String: Any]) throws -> [UInt8] {
        let check = XMLSchemaCheck.Stream(name: "\(name).xml", schema: try templates.schema("\(name).xsd"))
        let checking = DispatchQueue(label: "fundwatch.xml-check")
        let bytes = try templates.render("\(name).xml", model, every: 1 << 20) { piece in
            let copy = Array(piece)
            checking.async { copy.withUnsafeBufferPointer { check.feed($0) } }
        }
        let problems = checking.sync { check.finish() }
        if !problems.isEmpty { throw InvalidOutput(findings: problems) }
        return bytes
    }

    /// The notice document of one case: `notice-COUNTY-CASE.html` and `.xml`.
    public func render(_ notice: NoticeDocument) throws -> [File] {
        let model = notice.viewModel()
        let base = "notice-\(notice.notice.countyCode)-\(Self.safeFileName(notice.record.caseID))"
        return [File(name: base + ".html", bytes: try templates.render("notice.html", model)),
                File(name: base + ".xml", bytes: try validXML("notice", model))]
    }

    /// A case number as a file name: anything but letters, digits, `-` and `_` becomes `_`.
    static func safeFileName(_ text: String) -> String {
        String(text.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "_" })
    }

    /// Writes rendered files into `directory` (created if needed).
    public func write(_ files: [File], to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try files.map { file in
            let path = directory + "/" + file.name
            try Data(file.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            return path
        }
    }

    /// Renders and writes into `directory` (created if needed). Nothing is written unless
    /// every file rendered.
    public func write(_ document: ReportDocument, formats: Set<ReportFormat>, to directory: String) throws -> [String] {
        try write(try render(document, formats: formats), to: directory)
    }
}
