import FundWatchCore

/// A streaming RFC 4180 tokenizer over bytes: feed it chunks, it hands out records.
///
/// It works on bytes, not characters: `,`, `"`, CR and LF never occur inside a multi-byte
/// UTF-8 or GB18030 character, so one tokenizer serves both encodings. Fields may hold
/// commas, doubled quotes and line breaks when quoted. Blank lines are skipped.
struct CSVTokenizer {
    /// A problem that makes the rest of the file unreadable.
    struct Failure: Error {
        var rule: Rule
        var line: Int
        var detail: String
    }

    /// One record: fields as byte ranges into a shared buffer, valid during the callback only.
    struct Record {
        fileprivate(set) var bytes: [UInt8] = []
        fileprivate(set) var ends: [Int] = []
        /// Line on which the record starts (1-based).
        fileprivate(set) var line = 1
        /// Whether a field of it was quoted (a line holding only `""` is a record, not a blank line).
        fileprivate(set) var hasQuotedField = false

        var count: Int { ends.count }

        /// Where field `index` lies in the record's bytes.
        func range(_ index: Int) -> Range<Int> {
            (index == 0 ? 0 : ends[index - 1])..<ends[index]
        }

        /// The bytes of field `index`.
        func field(_ index: Int) -> ArraySlice<UInt8> { bytes[range(index)] }

        /// Calls `body` with the record's bytes (valid during the call only).
        func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            try bytes.withUnsafeBufferPointer(body)
        }

        /// An empty line: no byte at all between two line breaks.
        var isBlank: Bool { ends.count == 1 && ends[0] == 0 && !hasQuotedField }
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterCR }

    private var state = State.fieldStart
    private var record = Record()
    private var fieldStart = 0
    private var line = 1
    private var quoteLine = 1
    private let limits: ReadLimits

    init(limits: ReadLimits) {
        self.limits = limits
        record.bytes.reserveCapacity(4096)
    }

    /// Feeds the next chunk; calls `emit` for every complete record.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, emit: (borrowing Record) throws -> Void) throws {
        var i = 0
        let count = chunk.count
        while i < count {
            let byte = chunk[i]
            switch state {
            // (`where` binds to one pattern only, hence two cases with the same body.)
            case .fieldStart where Self.isPlain(byte), .unquoted where Self.isPlain(byte):
                // The common case: a run of ordinary bytes, copied at once.
                var end = i + 1
                while end < count && Self.isPlain(chunk[end]) { end += 1 }
                try append(UnsafeBufferPointer(rebasing: chunk[i..<end]))
                state = .unquoted
                i = end
                continue
            case .quoted where byte != 0x22 && byte != 0x0A:
                var end = i + 1
                while end < count && chunk[end] != 0x22 && chunk[end] != 0x0A { end += 1 }
                try append(UnsafeBufferPointer(rebasing: chunk[i..<end]))
                i = end
                continue
            case .afterCR:
                // CR LF or a lone CR: either way the record ended at the CR.
                state = .fieldStart
                if byte != 0x0A { try handle(byte, emit: emit) }
            default:
                try handle(byte, emit: emit)
            }
            i += 1
        }
    }

    /// Not a comma, quote or line break.
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte != 0x2C && byte != 0x22 && byte != 0x0A && byte != 0x0D
    }

    @inline(__always)
    private mutating func handle(_ byte: UInt8, emit: (borrowing Record) throws -> Void) throws {
        switch state {
        case .fieldStart:
            switch byte {
            case 0x22:
                state = .quoted
                quoteLine = line
                record.hasQuotedField = true
            case 0x2C: try endField()
            case 0x0A:
                try endRecord(emit: emit)
                line += 1
            case 0x0D:
                try endRecord(emit: emit)
                line += 1
                state = .afterCR
            default:
                try append(byte)
                state = .unquoted
            }
        case .unquoted:
            switch byte {
            case 0x2C:
                try endField()
                state = .fieldStart
            case 0x0A:
                try endRecord(emit: emit)
                line += 1
                state = .fieldStart
            case 0x0D:
                try endRecord(emit: emit)
                line += 1
                state = .afterCR
            case 0x22: throw Failure(rule: .csvQuote, line: line, detail: "字段中间出现未加引号的双引号 / a quote inside an unquoted field")
            default: try append(byte)
            }
        case .quoted:
            if byte == 0x22 {
                state = .quoteInQuoted
            } else {
                if byte == 0x0A { line += 1 }
                try append(byte)
            }
        case .quoteInQuoted:
            switch byte {
            case 0x22:
                try append(0x22)
                state = .quoted
            case 0x2C:
                try endField()
                state = .fieldStart
            case 0x0A:
                try endRecord(emit: emit)
                line += 1
                state = .fieldStart
            case 0x0D:
                try endRecord(emit: emit)
                line += 1
                state = .afterCR
            default:
                throw Failure(
                    rule: .csvQuote, line: quoteLine,
                    detail:
                        "第 \(quoteLine) 行开始的带引号字段在第 \(line) 行的右引号后还有字符 / the quoted field opened on line \(quoteLine) has characters after its closing quote on line \(line)"
                )
            }
        case .afterCR:
            break
        }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        record.bytes.append(contentsOf: bytes)
        if record.bytes.count - fieldStart > limits.maxFieldBytes {
            throw Failure(rule: .csvFieldTooLong, line: record.line, detail: "字段 \(record.ends.count + 1) / field \(record.ends.count + 1)")
        }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) throws {
        record.bytes.append(byte)
        if record.bytes.count - fieldStart > limits.maxFieldBytes {
            throw Failure(rule: .csvFieldTooLong, line: record.line, detail: "字段 \(record.ends.count + 1) / field \(record.ends.count + 1)")
        }
    }

    private mutating func endField() throws {
        record.ends.append(record.bytes.count)
        fieldStart = record.bytes.count
        if record.ends.count >= limits.maxFieldsPerLine {
            throw Failure(
                rule: .csvTooManyFields, line: record.line, detail: "超过 \(limits.maxFieldsPerLine) 个字段 / over \(limits.maxFieldsPerLine) fields")
        }
    }

    private mutating func endRecord(emit: (borrowing Record) throws -> Void) throws {
        record.ends.append(record.bytes.count)
        // Moved out for the call (handing on a property of `self` would copy it).
        var complete = Record()
        swap(&complete, &record)
        defer {
            swap(&complete, &record)
            record.bytes.removeAll(keepingCapacity: true)
            record.ends.removeAll(keepingCapacity: true)
            record.hasQuotedField = false
            fieldStart = 0
            record.line = line + 1
        }
        if !complete.isBlank { try emit(complete) }
    }

    /// Ends the input: emits a last record without a line break, or fails on an open quote.
    mutating func finish(emit: (borrowing Record) throws -> Void) throws {
        switch state {
        case .quoted:
            throw Failure(rule: .csvQuote, line: quoteLine, detail: "引号在文件结束前没有闭合 / a quoted field is not closed before the end of the file")
        case .unquoted, .quoteInQuoted:
            try endRecord(emit: emit)
        case .fieldStart:
            if !record.ends.isEmpty { try endRecord(emit: emit) }
        case .afterCR:
            break
        }
        state = .fieldStart
    }
}
