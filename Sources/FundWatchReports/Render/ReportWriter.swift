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

    /// Renders the formats asked for, in a fixed order, into memory. The XML is checked
    /// against `report.xsd` before anything is returned.
    public func render(_ document: ReportDocument, formats: Set<ReportFormat>) throws -> [File] {
        try produce(document, formats: formats) { name in MemoryOutput(name: name) }.map { File(name: $0.name, bytes: $0.bytes) }
    }

    /// Renders and writes into `directory` (created if needed), streaming each file to disk
    /// as it renders: memory never holds a whole national report. Files are written under
    /// temporary names and renamed only when every file rendered (and the XML validated),
    /// so nothing is written otherwise.
    public func write(_ document: ReportDocument, formats: Set<ReportFormat>, to directory: String) throws -> [String] {
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw CannotWrite(path: directory)
        }
        let stamp = UUID().uuidString
        let opened = Opened()
        do {
            let files = try produce(document, formats: formats) { name in
                let output = try FileOutput(final: directory + "/" + name, temporary: directory + "/.\(name).\(stamp).partial")
                opened.add(output)
                return output
            }
            for file in files { try file.commit() }
            return files.map(\.final)
        } catch {
            opened.discardAll()
            throw error
        }
    }

    /// The files a `write` has opened so far (from both jobs), to remove them on failure.
    private final class Opened: @unchecked Sendable {
        private let lock = NSLock()
        private var outputs: [FileOutput] = []
        func add(_ output: FileOutput) { lock.withLock { outputs.append(output) } }
        func discardAll() { lock.withLock { outputs.forEach { $0.discard() } } }
    }

    /// A file that cannot be written into the output folder.
    public struct CannotWrite: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "cannot write \(path): is the folder writable, and is there room on the disk? Nothing was written." }
    }

    /// Bytes a document is rendered into, piece by piece (by one thread at a time).
    protocol Output: AnyObject, Sendable {
        var name: String { get }
        func append(_ bytes: ArraySlice<UInt8>) throws
        func close() throws
    }

    /// An output gathered in memory.
    final class MemoryOutput: Output, @unchecked Sendable {
        let name: String
        var bytes: [UInt8] = []
        init(name: String) { self.name = name }
        func append(_ piece: ArraySlice<UInt8>) throws { bytes.append(contentsOf: piece) }
        func close() throws {}
    }

    /// An output streamed to a temporary file, renamed to its final name by `commit`.
    final class FileOutput: Output, @unchecked Sendable {
        let name: String
        let final: String
        let temporary: String
        private let handle: FileHandle

        init(final: String, temporary: String) throws {
            self.final = final
            self.temporary = temporary
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary) else { throw CannotWrite(path: final) }
            self.handle = handle
            name = (final as NSString).lastPathComponent
        }

        func append(_ piece: ArraySlice<UInt8>) throws {
            try piece.withUnsafeBytes { try handle.write(contentsOf: $0) }
        }

        func close() throws { try handle.close() }

        /// Gives the file its final name, replacing an earlier one in one step.
        func commit() throws {
            guard rename(temporary, final) == 0 else { throw CannotWrite(path: final) }
        }

        func discard() {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    /// Renders the formats asked for into outputs made by `open`, in a fixed order:
    /// report.html, report.xml, table1.csv … table6.csv. Two jobs at once, one per core:
    /// the XML (rendered, and checked against the schema on a third thread as it grows)
    /// and everything else (the HTML, then the CSV tables). Each job makes its own view model
    /// (a `[String: Any]` tree, not Sendable; cheap, the rows are lazy).
    private func produce<O: Output>(_ document: ReportDocument, formats: Set<ReportFormat>,
                                    open: @escaping @Sendable (String) throws -> O) throws -> [O] {
        let results = ProduceJob.allCases.parallelMap { job -> Result<[O], Error> in
            Result {
                switch job {
                case .xml:
                    guard formats.contains(.xml) else { return [] }
                    let output = try open("report.xml")
                    try validXML("report", ReportViewModel.make(document), into: output)
                    return [output]
                case .rest:
                    var outputs: [O] = []
                    if formats.contains(.html) {
                        let output = try open("report.html")
                        try templates.render("report.html", ReportViewModel.make(document), every: Self.piece) { try output.append($0) }
                        try output.close()
                        outputs.append(output)
                    }
                    if formats.contains(.csv) {
                        for table in document.tables {
                            let output = try open("\(table.id).csv")
                            try output.append(CSVTableWriter.render(table, document: document)[...])
                            try output.close()
                            outputs.append(output)
                        }
                    }
                    return outputs
                }
            }
        }
        let xml = try results[0].get(), rest = try results[1].get()
        return rest.filter { $0.name == "report.html" } + xml + rest.filter { $0.name != "report.html" }
    }

    /// The two jobs of `produce`.
    private enum ProduceJob: CaseIterable { case xml, rest }

    /// How much rendered output is handed on at once (bytes).
    static let piece = 1 << 20

    /// Renders template `name.xml` into `output` and checks it against `name.xsd`, on
    /// another thread as it grows (the check of a national report takes as long as its
    /// rendering). Throws ``InvalidOutput`` when it does not validate.
    func validXML(_ name: String, _ model: [String: Any], into output: some Output) throws {
        let check = XMLSchemaCheck.Stream(name: "\(name).xml", schema: try templates.schema("\(name).xsd"))
        let checking = DispatchQueue(label: "fundwatch.xml-check")
        try templates.render("\(name).xml", model, every: Self.piece) { piece in
            try output.append(piece)
            let copy = Array(piece)
            checking.async { copy.withUnsafeBufferPointer { check.feed($0) } }
        }
        try output.close()
        let problems = checking.sync { check.finish() }
        if !problems.isEmpty { throw InvalidOutput(findings: problems) }
    }

    /// Renders template `name.xml` into memory and checks it against `name.xsd`.
    func validXML(_ name: String, _ model: [String: Any]) throws -> [UInt8] {
        let output = MemoryOutput(name: "\(name).xml")
        try validXML(name, model, into: output)
        return output.bytes
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
}
