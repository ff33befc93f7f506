import Foundation
import FundWatchCore
import FundWatchZip

/// A plain list a planner keeps in CSV or Excel (the inspectors of the draw, risk classes,
/// inspection items): a header row of column names, then one record per row. Read with the
/// same CSV tokenizer and encodings, and the same bounded .xlsx reader (its first sheet), as
/// returns; every problem is a finding naming the file and the line or cell.
public struct ListFile: Sendable {
    /// One record: its values by column name, and where it stands.
    public struct Record: Sendable {
        public var values: [String: String]
        /// The line (CSV) or row (the sheet's) number.
        public var line: Int
        /// `Sheet!` for a workbook, nil for CSV: a field's place is then `Sheet!C12`.
        public var sheet: String?
        /// The column of each name (0-based), for cell references.
        public var columns: [String: Int]

        public subscript(_ name: String) -> String { (values[name] ?? "").trimmingWhitespace }

        /// Where field `name` stands, for a finding.
        public func location(_ file: String, _ name: String) -> FindingLocation {
            if let sheet, let column = columns[name] {
                return FindingLocation(file: file, line: line, column: name, cell: "\(sheet)!\(CellReference.columnName(column))\(line)")
            }
            return FindingLocation(file: file, line: line, column: name)
        }
    }

    public let path: String
    public var records: [Record] = []
    public var findings = FindingCollector()

    /// Reads the file at `path`, requiring the columns `required` (any order; others are ignored).
    public init(path: String, required: [String], limits: ReadLimits = .standard) {
        self.init(.path(path), required: required, limits: limits)
    }

    /// Reads a file on disk or uploaded bytes (a zip's bytes are a workbook, others CSV).
    public init(_ input: SubmissionInput, required: [String], limits: ReadLimits = .standard) {
        let path = input.displayName
        self.path = path
        let lower = path.lowercased()
        var isWorkbook = lower.hasSuffix(".xlsx") || lower.hasSuffix(".xls") || lower.hasSuffix(".et")
        if case .memory(_, let bytes) = input {
            isWorkbook = isWorkbook || bytes.starts(with: [0x50, 0x4B]) || XLSXSubmissionReader.isCompoundDocument(input)
        }
        var rows: [(line: Int, cells: [(column: Int, text: String)])] = []
        var sheet: String?
        if isWorkbook {
            guard let read = Self.workbookRows(input, limits: limits, findings: &findings) else { return }
            (sheet, rows) = read
        } else {
            guard let read = Self.csvRows(input, limits: limits, findings: &findings) else { return }
            rows = read
        }
        guard let header = rows.first(where: { !$0.cells.allSatisfy { $0.text.trimmingWhitespace.isEmpty } }) else {
            findings.add(.csvEmpty, at: FindingLocation(file: path, line: 1), expected: "第一行为列名 (a header row): " + required.joined(separator: ","))
            return
        }
        var columns: [String: Int] = [:]
        for cell in header.cells {
            let name = cell.text.trimmingWhitespace
            guard !name.isEmpty else { continue }
            if columns[name] != nil {
                findings.add(.csvDuplicateColumn, at: FindingLocation(file: path, line: header.line, column: name), detail: name, detailEN: name)
            }
            columns[name] = cell.column
        }
        for name in required where columns[name] == nil {
            findings.add(
                .csvMissingColumn, at: FindingLocation(file: path, line: header.line, column: name), detail: name, detailEN: name,
                expected: "包含以下列 (the columns): " + required.joined(separator: ","))
        }
        guard !findings.hasErrors else { return }
        let names = Dictionary(columns.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        for row in rows where row.line > header.line {
            var values: [String: String] = [:]
            for cell in row.cells {
                if let name = names[cell.column] { values[name] = cell.text }
            }
            guard values.values.contains(where: { !$0.trimmingWhitespace.isEmpty }) else { continue }
            records.append(Record(values: values, line: row.line, sheet: sheet, columns: columns))
        }
    }

    private static func csvRows(
        _ input: SubmissionInput, limits: ReadLimits, findings: inout FindingCollector
    ) -> [(line: Int, cells: [(column: Int, text: String)])]? {
        let path = input.displayName
        var tokenizer = CSVTokenizer(limits: limits)
        var decoding = TextDecoding()
        var rows: [(line: Int, cells: [(column: Int, text: String)])] = []
        var bad: Int?
        func handle(_ record: borrowing CSVTokenizer.Record) {
            let texts = record.withBytes { bytes in
                (0..<record.count).map { i -> String? in
                    let field = UnsafeBufferPointer(rebasing: bytes[record.range(i)])
                    return decoding.isValid(field) ? decoding.decode(field) : nil
                }
            }
            if texts.contains(where: { $0 == nil }) {
                bad = bad ?? record.line
                return
            }
            rows.append((record.line, texts.enumerated().map { ($0.offset, $0.element!) }))
        }
        do {
            func feed(_ chunk: UnsafeBufferPointer<UInt8>) throws {
                let skip = decoding.inspect(chunk)
                try tokenizer.feed(UnsafeBufferPointer(rebasing: chunk[skip...])) { handle($0) }
            }
            switch input {
            case .path(let file): try FileByteStream(path: file, displayName: file).forEachChunk(feed)
            case .memory(_, let bytes): try bytes.withUnsafeBufferPointer(feed)
            }
            try tokenizer.finish { handle($0) }
        } catch let failure as CSVTokenizer.Failure {
            findings.add(failure.rule, at: FindingLocation(file: path, line: failure.line), detail: failure.detail)
            return nil
        } catch {
            findings.add(.fileUnreadable, at: FindingLocation(file: path, line: nil), detail: "\(error)", detailEN: "\(error)")
            return nil
        }
        if let bad {
            findings.add(.encoding, at: FindingLocation(file: path, line: bad))
            return nil
        }
        return rows
    }

    private static func workbookRows(
        _ input: SubmissionInput, limits: ReadLimits, findings: inout FindingCollector
    )
        -> (String, [(line: Int, cells: [(column: Int, text: String)])])?
    {
        let path = input.displayName
        if XLSXSubmissionReader.isCompoundDocument(input) {
            findings.add(.xlsxLegacy, at: FindingLocation(file: path, line: nil))
            return nil
        }
        do {
            let package = try XLSXPackage(archive: try input.openZip(limits: limits.zip))
            guard let sheet = package.sheets.first(where: { !$0.hidden }) ?? package.sheets.first else {
                findings.add(.xlsxInvalid, at: FindingLocation(file: path, line: nil), detailEN: "the workbook has no sheet")
                return nil
            }
            let values = try XLSXSubmissionReader(limits: limits).values(of: package)
            var rows: [(line: Int, cells: [(column: Int, text: String)])] = []
            var problems: [(Rule, FindingLocation, String)] = []
            let stream = XLSXSheetStream { row, cells in
                rows.append(
                    (
                        row,
                        cells.compactMap { cell -> (Int, String)? in
                            switch values.text(of: cell) {
                            case .text(let t): return (cell.column, t)
                            case .empty: return nil
                            case .refused(let rule, let detail):
                                problems.append(
                                    (
                                        rule,
                                        FindingLocation(file: path, line: row, cell: "\(sheet.name)!\(CellReference.columnName(cell.column))\(row)"),
                                        detail
                                    ))
                                return nil
                            }
                        }
                    ))
            }
            try XLSXPackage.parse(package.archive, part: sheet.part, handler: stream)
            for (rule, location, detail) in problems { findings.add(rule, at: location, detail: detail, detailEN: detail) }
            return findings.hasErrors ? nil : (sheet.name, rows)
        } catch let error as ZipError {
            findings.add(Finding(zip: error, archive: path))
        } catch let error as XLSXFailure {
            findings.add(XLSXSubmissionReader.finding(error, file: path))
        } catch {
            findings.add(.fileUnreadable, at: FindingLocation(file: path, line: nil), detailEN: "\(error)")
        }
        return nil
    }
}
