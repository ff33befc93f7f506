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

    /// Reads a register file (`institutions.csv` …), handing each row to `row`.
    func readRegister(_ register: Register, from stream: ByteStream, budget: ByteBudget, into builder: inout SubmissionBuilder) {
        var mapping: [Int?]?
        let file = stream.displayName
        forEachRecord(stream, budget: budget, builder: &builder, expectedHeader: register.fieldNames) { line, texts, builder in
            guard let columns = mapping else {
                let before = builder.collector.errorCount
                mapping = mapHeader(texts, register: register, file: file, line: line, collector: &builder.collector)
                if builder.collector.errorCount > before { throw Stop() }
                return
            }
            guard texts.count == columns.count else {
                builder.collector.add(.csvFieldCount, at: SourceLocation(file: file, line: line),
                              detail: "\(texts.count) 个字段,表头有 \(columns.count) 个",
                              detailEN: "\(texts.count) fields, the header has \(columns.count)",
                              expected: "\(columns.count) fields, as in the header row")
                return
            }
            var raw = RawRow(register: register, file: file, line: line)
            for (i, index) in columns.enumerated() {
                if let index { raw.values[index] = texts[i] }
            }
            builder.add(raw)
        }
    }

    /// Reads `submission.csv`: a `field,value` header row, then one row per header field.
    func readHeader(from stream: ByteStream, budget: ByteBudget, into builder: inout SubmissionBuilder) -> RawRow {
        let file = stream.displayName
        var raw = RawRow(register: .header, file: file, line: 1)
        var seenLayout = false
        forEachRecord(stream, budget: budget, builder: &builder, expectedHeader: ["field", "value"]) { line, texts, builder in
            guard seenLayout else {
                seenLayout = true
                if texts.map(\.trimmingWhitespace) != ["field", "value"] {
                    builder.collector.add(.headerLayout, at: SourceLocation(file: file, line: line))
                    throw Stop()
                }
                return
            }
            guard texts.count == 2 else {
                builder.collector.add(.csvFieldCount, at: SourceLocation(file: file, line: line),
                              detail: "\(texts.count) 个字段", detailEN: "\(texts.count) fields", expected: "2 fields: field,value")
                return
            }
            let name = texts[0].trimmingWhitespace
            guard let field = HeaderField.named(name) else {
                builder.collector.add(.headerUnknownField, at: SourceLocation(file: file, line: line, column: "field"), detail: "「\(name)」", detailEN: "'\(name)'")
                return
            }
            if raw.values[field.rawValue] != nil {
                builder.collector.add(.headerDuplicateField, at: SourceLocation(file: file, line: line, column: "field"), detail: name, detailEN: name)
                return
            }
            raw.values[field.rawValue] = texts[1]
            raw.setLine(line, of: field.rawValue)
        }
        return raw
    }

    /// Streams `stream` through the tokenizer and decoder; `body` gets each record's
    /// line and decoded fields, the first (header) record included.
    private func forEachRecord(_ stream: ByteStream, budget: ByteBudget, builder: inout SubmissionBuilder, expectedHeader: [String],
                               body: (Int, [String], inout SubmissionBuilder) throws -> Void) {
        let file = stream.displayName
        var tokenizer = CSVTokenizer(limits: limits)
        var decoding = TextDecoding()
        var sawRecord = false
        var texts: [String] = []   // reused from record to record

        func handle(_ record: borrowing CSVTokenizer.Record) throws {
            sawRecord = true
            texts.removeAll(keepingCapacity: true)
            for i in 0..<record.count {
                guard let text = decoding.decode(record.field(i)) else {
                    let what = decoding.encoding?.rawValue ?? "UTF-8 / GB18030"
                    builder.collector.add(.encoding, at: SourceLocation(file: file, line: record.line),
                                 detail: "第 \(i + 1) 个字段含有无效的 \(what) 字节", detailEN: "field \(i + 1) has bytes that are not valid \(what)")
                    throw Stop()
                }
                texts.append(text)
            }
            try body(record.line, texts, &builder)
        }

        do {
            try stream.forEachChunk { chunk in
                budget.used += Int64(chunk.count)
                if budget.used > budget.limit {
                    builder.collector.add(.tooLarge, at: SourceLocation(file: file, line: nil))
                    throw Stop()
                }
                let skip = decoding.inspect(chunk)
                try tokenizer.feed(UnsafeBufferPointer(rebasing: chunk[skip...])) { try handle($0) }
            }
            try tokenizer.finish { try handle($0) }
        } catch let failure as CSVTokenizer.Failure {
            builder.collector.add(failure.rule, at: SourceLocation(file: file, line: failure.line), detail: failure.detail)
            return
        } catch is Stop {
            return
        } catch {
            builder.collector.add(.fileUnreadable, at: SourceLocation(file: file, line: nil), detail: "\(error)", detailEN: "\(error)")
            return
        }
        if !sawRecord {
            builder.collector.add(.csvEmpty, at: SourceLocation(file: file, line: 1), expected: expectedHeader.joined(separator: ","))
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
                    collector.add(.csvDuplicateColumn, at: SourceLocation(file: file, line: line, column: name), detail: name, detailEN: name)
                }
            } else {
                collector.add(.csvUnknownColumn, at: SourceLocation(file: file, line: line, column: name),
                              detail: "「\(name)」", detailEN: "'\(name)'", expected: "one of: " + known.joined(separator: ", "))
            }
            mapping.append(index)
        }
        for (index, name) in known.enumerated() where register.isRequired(index) && !seen.contains(index) {
            collector.add(.csvMissingColumn, at: SourceLocation(file: file, line: line, column: name), detail: name, detailEN: name,
                          expected: "a column named \(name)")
        }
        return mapping
    }
}
