import Foundation
import FundWatchCore
import FundWatchTemplating
import FundWatchXML

/// The output formats of a report.
public enum ReportFormat: String, CaseIterable, Sendable {
    case html, xml, csv, xlsx
}

/// Renders a report into files: `report.html`, `report.xml`, `table1.csv` … `table6.csv`.
public struct ReportWriter: Sendable {
    public let templates: TemplateSet
    /// The report workbook's 表号 block and footer (`[report]`).
    public var workbook: ReportSettings

    public init(templates: TemplateSet, workbook: ReportSettings = .standard) {
        self.templates = templates
        self.workbook = workbook
    }

    /// A document FundWatch would write does not validate (an edited template broke it).
    public struct InvalidOutput: Error, CustomStringConvertible {
        public var findings: [Finding]
        public var description: String {
            "the rendered XML does not validate against its schema; nothing was written:\n"
                + findings.map(\.formatted).joined(separator: "\n")
        }
    }

    /// Renders the formats asked for into `sink`, streaming each file as it renders (memory
    /// never holds a whole national report), and returns the files' names in a fixed order:
    /// `report.html`, `report.xml`, `table1.csv` … `table6.csv`, `report.xlsx` — or, with
    /// `baseName`, a one-table document as `NAME.html`, `NAME.xml`, `NAME.csv`, `NAME.xlsx`. The XML is checked against
    /// its schema while it renders; the caller commits the sink only when this returns.
    public func write(
        _ document: ReportDocument, formats: Set<ReportFormat>, baseName: String? = nil,
        into sink: any OutputSink
    ) throws -> [String] {
        try produce(document, formats: formats, baseName: baseName, open: { try sink.open($0) }).map(\.name)
    }

    /// Renders the formats asked for into outputs made by `open`, in a fixed order:
    /// report.html, report.xml, table1.csv … table6.csv. Two jobs at once, one per core:
    /// the XML (rendered, and checked against the schema on a third thread as it grows)
    /// and everything else (the HTML, then the CSV tables). Each job makes its own view model
    /// (``ReportView``; cheap, the rows are lazy).
    private func produce(
        _ document: ReportDocument, formats: Set<ReportFormat>, baseName: String?,
        open: @escaping @Sendable (String) throws -> any OutputFile
    ) throws -> [any OutputFile] {
        let html = (baseName ?? "report") + ".html", xml = (baseName ?? "report") + ".xml"
        let results = ProduceJob.allCases.parallelMap { job -> Result<[any OutputFile], Error> in
            Result {
                switch job {
                case .xml:
                    guard formats.contains(.xml) else { return [] }
                    let output = try open(xml)
                    try validXML("report", ReportViewModel.make(document), into: output)
                    return [output]
                case .rest:
                    var outputs: [any OutputFile] = []
                    if formats.contains(.html) {
                        let output = try open(html)
                        try templates.render("report.html", ReportViewModel.make(document), every: Self.piece) { try output.append($0) }
                        try output.close()
                        outputs.append(output)
                    }
                    if formats.contains(.csv) {
                        for table in document.tables {
                            let output = try open(baseName.map { "\($0).csv" } ?? "\(table.id).csv")
                            try CSVTableWriter.write(table, document: document, into: output, piece: Self.piece)
                            try output.close()
                            outputs.append(output)
                        }
                    }
                    if formats.contains(.xlsx) {
                        let output = try open((baseName ?? "report") + ".xlsx")
                        try output.append(ReportWorkbook(settings: workbook).render(document)[...])
                        try output.close()
                        outputs.append(output)
                    }
                    return outputs
                }
            }
        }
        let xmlFiles = try results[0].get(), rest = try results[1].get()
        return rest.filter { $0.name == html } + xmlFiles + rest.filter { $0.name != html }
    }

    /// The two jobs of `produce`.
    private enum ProduceJob: CaseIterable { case xml, rest }

    /// How much rendered output is handed on at once (bytes).
    static let piece = 1 << 20
    /// How many rendered pieces may wait for the schema check at once.
    static let piecesInFlight = 4

    /// Renders template `name.xml` into `output` and checks it against `name.xsd`, on
    /// another thread as it grows (the check of a national report takes as long as its
    /// rendering). Throws ``InvalidOutput`` when it does not validate. At most
    /// ``piecesInFlight`` pieces wait for the check: when it falls behind, rendering waits
    /// (unbounded, the waiting copies were a quarter of a national report's peak memory).
    func validXML(_ name: String, _ model: some TemplateModel, into output: any OutputFile) throws {
        let check = XMLSchemaCheck.Stream(name: "\(name).xml", schema: try templates.schema("\(name).xsd"))
        let checking = DispatchQueue(label: "fundwatch.xml-check")
        let room = DispatchSemaphore(value: Self.piecesInFlight)
        try templates.render("\(name).xml", model, every: Self.piece) { piece in
            try output.append(piece)
            let copy = Array(piece)
            room.wait()
            checking.async {
                copy.withUnsafeBufferPointer { check.feed($0) }
                room.signal()
            }
        }
        try output.close()
        let problems = checking.sync { check.finish() }
        if !problems.isEmpty { throw InvalidOutput(findings: problems) }
    }

    /// Renders template `name.xml` into memory and checks it against `name.xsd`.
    func validXML(_ name: String, _ model: some TemplateModel) throws -> [UInt8] {
        let output = MemorySink.MemoryFile(name: "\(name).xml")
        try validXML(name, model, into: output)
        return output.bytes
    }

    /// The notice document of one case, `notice-COUNTY-CASE.html` and `.xml`, into `sink`;
    /// returns the files' names.
    public func write(_ notice: NoticeDocument, into sink: any OutputSink) throws -> [String] {
        let model = notice.viewModel()
        let base = "notice-\(notice.notice.countyCode)-\(Self.safeFileName(notice.record.caseID))"
        let html = try templates.render("notice.html", model), xml = try validXML("notice", model)
        try sink.write(base + ".html", html)
        try sink.write(base + ".xml", xml)
        return [base + ".html", base + ".xml"]
    }

    /// A case number as a file name: anything but letters, digits, `-` and `_` becomes `_`.
    static func safeFileName(_ text: String) -> String {
        String(text.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "_" })
    }
}
