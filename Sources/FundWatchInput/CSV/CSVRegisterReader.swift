import FundWatchCore
import FundWatchZip

/// Reads the CSV files of a submission into raw rows: maps each file's header row to
/// FORMAT.md's columns, then turns each record into a `RawRow`.
struct CSVRegisterReader {
    let limits: ReadLimits

    /// Counts bytes across all files of one submission, for the 2 GiB limit.
    final class ByteBudget {
        var used: Int64 = 0
        let limit: Int64
        init(limit: Int64) { self.limit = limit }
    }

    /// Ends reading of one file early; the finding has been added.
    struct Stop: Error {}

    /// Reads a register file (`institutions.csv` …), handing each row to the builder.
    func readRegister(_ register: Register, from stream: ByteStream, budget: ByteBudget, into builder: inout SubmissionBuilder) {
        var mapping: [Int?]?
        let file = stream.displayName
        var raw = RawRow(register: register, file: file, line: 0)  // reused from row to row
        forEachRecord(stream, budget: budget, builder: &builder, row: &raw, expectedHeader: register.fieldNames) { record, decoding, builder, raw in
            guard let columns = mapping else {
                let before = builder.collector.errorCount
                mapping = mapHeader(Self.texts(record, decoding), register: register, file: file, line: record.line, collector: &builder.collector)
                if builder.collector.errorCount > before { throw Stop() }
                return
            }
            guard record.count == columns.count else {
                builder.collector.add(
                    .csvFieldCount, at: FindingLocation(file: file, line: record.line),
                    detail: "\(record.count) 个字段,表头有 \(columns.count) 个",
                    detailEN: "\(record.count) fields, the header has \(columns.count)",
                    expected: "与表头行相同的 \(columns.count) 个字段 (\(columns.count) fields, as in the header row)")
                return
            }
            raw.reset(line: record.line)
            record.withBytes { bytes in
                for (i, index) in columns.enumerated() {
                    if let index { decoding.set(UnsafeBufferPointer(rebasing: bytes[record.range(i)]), field: index, of: &raw) }
                }
            }
            builder.add(raw)
        }
    }

    /// Reads `submission.csv`: a `field,value` header row, then one row per header field.
    func readHeader(from stream: ByteStream, budget: ByteBudget, into builder: inout SubmissionBuilder) -> RawRow {
        let file = stream.displayName
        var raw = RawRow(register: .header, file: file, line: 1)
        var seenLayout = false
        forEachRecord(stream, budget: budget, builder: &builder, row: &raw, expectedHeader: ["field", "value"]) { record, decoding, builder, raw in
            let line = record.line
            let texts = Self.texts(record, decoding)
            guard seenLayout else {
                seenLayout = true
                if texts.map(\.trimmingWhitespace) != ["field", "value"] {
                    builder.collector.add(.headerLayout, at: FindingLocation(file: file, line: line))
                    throw Stop()
                }
                return
            }
            guard texts.count == 2 else {
                builder.collector.add(
                    .csvFieldCount, at: FindingLocation(file: file, line: line),
                    detail: "\(texts.count) 个字段", detailEN: "\(texts.count) fields", expected: "每行 2 个字段:field,value (2 fields: field,value)")
                return
            }
            let name = texts[0].trimmingWhitespace
            guard let field = HeaderField.named(name) else {
                builder.collector.add(
                    .headerUnknownField, at: FindingLocation(file: file, line: line, column: "field"), detail: "「\(name)」", detailEN: "'\(name)'")
                return
            }
            if raw.has(field.rawValue) {
                builder.collector.add(
                    .headerDuplicateField, at: FindingLocation(file: file, line: line, column: "field"), detail: name, detailEN: name)
                return
            }
            raw.set(field.rawValue, texts[1])
            raw.setLine(line, of: field.rawValue)
        }
        return raw
    }

    /// Every field of a record as text.
    private static func texts(_ record: borrowing CSVTokenizer.Record, _ decoding: TextDecoding) -> [String] {
        record.withBytes { bytes in (0..<record.count).map { decoding.decode(UnsafeBufferPointer(rebasing: bytes[record.range($0)])) } }
    }

    /// Streams `stream` through the tokenizer; `body` gets each record, the header record
    /// included, once every field of it is known to be valid in the file's encoding. The
    /// row it fills is handed through (`inout`, never captured, so it is never copied).
    private func forEachRecord(
        _ stream: ByteStream, budget: ByteBudget, builder: inout SubmissionBuilder, row: inout RawRow,
        expectedHeader: [String],
        body: (borrowing CSVTokenizer.Record, TextDecoding, inout SubmissionBuilder, inout RawRow) throws -> Void
    ) {
        let file = stream.displayName
        var tokenizer = CSVTokenizer(limits: limits)
        var decoding = TextDecoding()
        var sawRecord = false

        func handle(_ record: borrowing CSVTokenizer.Record) throws {
            sawRecord = true
            let invalid = record.withBytes { bytes in
                (0..<record.count).first { !decoding.isValid(UnsafeBufferPointer(rebasing: bytes[record.range($0)])) }
            }
            if let i = invalid {
                let what = decoding.encoding?.rawValue ?? "UTF-8 / GB18030"
                builder.collector.add(
                    .encoding, at: FindingLocation(file: file, line: record.line),
                    detail: "第 \(i + 1) 个字段含有无效的 \(what) 字节", detailEN: "field \(i + 1) has bytes that are not valid \(what)")
                throw Stop()
            }
            try body(record, decoding, &builder, &row)
        }

        do {
            try stream.forEachChunk { chunk in
                budget.used += Int64(chunk.count)
                if budget.used > budget.limit {
                    builder.collector.add(.tooLarge, at: FindingLocation(file: file, line: nil))
                    throw Stop()
                }
                let skip = decoding.inspect(chunk)
                try tokenizer.feed(UnsafeBufferPointer(rebasing: chunk[skip...])) { try handle($0) }
            }
            try tokenizer.finish { try handle($0) }
        } catch let failure as CSVTokenizer.Failure {
            builder.collector.add(failure.rule, at: FindingLocation(file: file, line: failure.line), detail: failure.detail)
            return
        } catch is Stop {
            return
        } catch let error as ZipError {
            builder.collector.add(Finding(zip: error, archive: file))
            return
        } catch {
            builder.collector.add(.fileUnreadable, at: FindingLocation(file: file, line: nil), detail: "\(error)", detailEN: "\(error)")
            return
        }
        if !sawRecord {
            builder.collector.add(
                .csvEmpty, at: FindingLocation(file: file, line: 1), expected: "第一行为列名 (a header row): " + expectedHeader.joined(separator: ","))
        }
    }

    /// Maps header names to field indexes; reports unknown, duplicate and missing columns.
    private func mapHeader(_ names: [String], register: Register, file: String, line: Int, collector: inout FindingCollector) -> [Int?] {
        let known = register.fieldNames
        var seen = Set<Int>()
        var mapping: [Int?] = []
        for raw in names {
            let name = raw.trimmingWhitespace
            let index = known.firstIndex(of: name)
            if let index {
                if !seen.insert(index).inserted {
                    collector.add(
                        .csvDuplicateColumn, at: FindingLocation(file: file, line: line, column: name, label: register.label(index)),
                        detail: register.label(index), detailEN: name)
                }
            } else {
                collector.add(
                    .csvUnknownColumn, at: FindingLocation(file: file, line: line, column: name),
                    detail: "「\(name)」", detailEN: "'\(name)'", expected: "格式说明中的列名之一 (one of): " + known.joined(separator: ", "))
            }
            mapping.append(index)
        }
        for (index, name) in known.enumerated() where register.isRequired(index) && !seen.contains(index) {
            collector.add(
                .csvMissingColumn, at: FindingLocation(file: file, line: line, column: name, label: register.label(index)),
                detail: register.label(index), detailEN: name, expected: "名为 \(name) 的一列 (a column named \(name))")
        }
        return mapping
    }
}
