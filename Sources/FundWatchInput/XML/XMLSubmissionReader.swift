import CLibXML2
import FundWatchCore
import Foundation

/// Reads an XML submission with libxml2's streaming reader, validating it against
/// `submission.xsd` while it reads, without building a tree.
///
/// Safety: no DTD is loaded, no entity substituted, no network reached; a document with
/// a DOCTYPE is refused outright (XXE and billion-laughs payloads live in a DTD).
struct XMLSubmissionReader {
    let limits: ReadLimits

    /// Node types of `xmlTextReaderNodeType`.
    private enum Node: Int32 {
        case element = 1, text = 3, cdata = 4, documentType = 10, significantWhitespace = 14, endElement = 15
    }

    /// Parser options: never `XML_PARSE_NOENT` or `XML_PARSE_DTDLOAD`.
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Reads `path` and returns the findings and, when there is no error, the submission.
    func read(path: String, displayName: String) -> (Submission?, FindingCollector) {
        let sink = XMLErrorSink(file: displayName)
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber,
           size.int64Value > limits.maxSubmissionBytes {
            sink.parse.add(.tooLarge, at: SourceLocation(file: displayName, line: nil))
            return (nil, sink.parse)
        }
        _ = SubmissionSchema.shared
        if let doctypeLine = XMLProlog.doctypeLine(path: path) {
            sink.parse.add(.xmlDoctype, at: SourceLocation(file: displayName, line: doctypeLine))
            return (nil, sink.parse)
        }
        return sink.capturingThreadErrors { read(path: path, displayName: displayName, sink: sink) }
    }

    private func read(path: String, displayName: String, sink: XMLErrorSink) -> (Submission?, FindingCollector) {
        let userData = Unmanaged.passUnretained(sink).toOpaque()
        guard let reader = xmlReaderForFile(path, nil, Self.options) else {
            sink.parse.add(.fileUnreadable, at: SourceLocation(file: displayName, line: nil))
            return (nil, sink.parse)
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorSink.callback, userData)
        guard xmlTextReaderSetSchema(reader, SubmissionSchema.shared.pointer) == 0 else {
            sink.parse.add(.fileUnreadable, at: SourceLocation(file: displayName, line: nil), detailEN: "schema could not be attached")
            return (nil, sink.parse)
        }
        var walker = Walker(file: displayName, limits: limits)
        var status: Int32 = 1
        while true {
            status = xmlTextReaderRead(reader)
            guard status == 1 else { break }
            guard let type = Node(rawValue: xmlTextReaderNodeType(reader)) else { continue }
            if type == .documentType {
                sink.parse.add(.xmlDoctype, at: SourceLocation(file: displayName, line: Self.line(reader)))
                return (nil, sink.parse)
            }
            walker.visit(type: type, reader: reader, sink: sink)
        }
        if status != 0 || sink.parse.hasErrors {
            if !sink.parse.hasErrors {
                sink.parse.add(.xmlMalformed, at: SourceLocation(file: displayName, line: nil), detailEN: "the document ends early")
            }
            return (nil, sink.parse)
        }
        if sink.schema.hasErrors || xmlTextReaderIsValid(reader) != 1 {
            if !sink.schema.hasErrors { sink.schema.add(.xmlSchema, at: SourceLocation(file: displayName, line: nil)) }
            return (nil, sink.schema)
        }
        var builder = walker.builder
        builder.addHeader(walker.header)
        let submission = builder.finish()
        return (submission, builder.collector)
    }

    /// The line of the reader's current node (asked only where it is used: at element starts
    /// and for findings).
    private static func line(_ reader: xmlTextReaderPtr) -> Int? {
        guard let node = xmlTextReaderCurrentNode(reader) else { return nil }
        let n = xmlGetLineNo(node)
        return n > 0 ? Int(n) : nil
    }

    /// Follows the element structure and hands complete rows to the builder.
    private struct Walker {
        let file: String
        let limits: ReadLimits
        var builder = SubmissionBuilder()
        var header: RawRow
        var register: Register?
        var row: RawRow?
        /// Rows handed to the builder, kept to be reused (the builder keeps no row).
        var spareRows: [Register: RawRow] = [:]
        var rowCounts: [Register: Int] = [:]
        /// The field being captured: its index, depth, and whether it grew too long; its
        /// bytes gather in `fieldText`.
        var field: (index: Int, depth: Int32, tooLong: Bool)?
        var fieldText: [UInt8] = []
        /// Element names by libxml2's interned name pointer (one string per name and document).
        var names: [UnsafeRawPointer: String] = [:]
        /// Field indexes of the current register by interned name pointer (-1: not a field).
        var fieldIndexes: [UnsafeRawPointer: Int] = [:]

        init(file: String, limits: ReadLimits) {
            self.file = file
            self.limits = limits
            self.header = RawRow(register: .header, file: file, line: 1, xmlPosition: 0)
        }

        mutating func visit(type: Node, reader: xmlTextReaderPtr, sink: XMLErrorSink) {
            let depth = xmlTextReaderDepth(reader)
            switch type {
            case .element:
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                startElement(UnsafeRawPointer(xmlTextReaderConstLocalName(reader)), depth: depth,
                             line: XMLSubmissionReader.line(reader) ?? 1, isEmpty: isEmpty)
            case .text, .cdata, .significantWhitespace:
                guard let current = field, depth == current.depth + 1, !current.tooLong,
                      let value = xmlTextReaderConstValue(reader) else { return }
                let length = strlen(value)
                value.withMemoryRebound(to: UInt8.self, capacity: length) {
                    fieldText.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
                }
                if fieldText.count > limits.maxFieldBytes {
                    field?.tooLong = true
                    fieldText.removeAll()
                    sink.parse.add(.xmlFieldTooLong, at: SourceLocation(file: file, line: XMLSubmissionReader.line(reader), element: elementPath(for: current.index)))
                }
            case .endElement:
                endElement(depth: depth)
            case .documentType:
                break
            }
        }

        private func elementPath(for index: Int) -> String {
            let base = row?.elementPath ?? header.elementPath ?? ""
            let names = (row?.register ?? .header).fieldNames
            return base + "/" + (index < names.count ? names[index] : "?")
        }

        /// The element's name, made once per name and document.
        private mutating func name(_ pointer: UnsafeRawPointer?) -> String {
            guard let pointer else { return "" }
            if let known = names[pointer] { return known }
            let text = String(cString: pointer.assumingMemoryBound(to: CChar.self))
            names[pointer] = text
            return text
        }

        private mutating func startElement(_ pointer: UnsafeRawPointer?, depth: Int32, line: Int, isEmpty: Bool) {
            switch depth {
            case 1:
                let name = name(pointer)
                if let field = HeaderField.named(name) {
                    header.setLine(line, of: field.rawValue)
                    beginField(field.rawValue, depth: depth, isEmpty: isEmpty)
                } else if let register = Register(rawValue: name), register != .header {
                    self.register = isEmpty ? nil : register
                    fieldIndexes = [:]
                }
            case 2:
                guard let register, name(pointer) == register.rowElement else { return }
                let n = rowCounts[register, default: 0] + 1
                rowCounts[register] = n
                if var spare = spareRows.removeValue(forKey: register) {
                    spare.reset(line: line, xmlPosition: n)
                    row = spare
                } else {
                    row = RawRow(register: register, file: file, line: line, xmlPosition: n)
                }
                if isEmpty { finishRow() }
            case 3:
                guard let register = row?.register, let pointer else { return }
                let index: Int
                if let known = fieldIndexes[pointer] {
                    index = known
                } else {
                    index = register.fieldIndex(named: name(pointer)) ?? -1
                    fieldIndexes[pointer] = index
                }
                guard index >= 0 else { return }
                row!.setLine(line, of: index)
                beginField(index, depth: depth, isEmpty: isEmpty)
            default:
                break
            }
        }

        private mutating func beginField(_ index: Int, depth: Int32, isEmpty: Bool) {
            field = (index, depth, false)
            fieldText.removeAll(keepingCapacity: true)
            if isEmpty { endField() }
        }

        private mutating func endElement(depth: Int32) {
            if let current = field, current.depth == depth {
                endField()
            } else if depth == 2, row != nil {
                finishRow()
            } else if depth == 1 {
                register = nil
            }
        }

        private mutating func endField() {
            guard let current = field else { return }
            field = nil
            guard !current.tooLong else { return }
            fieldText.withUnsafeBufferPointer { bytes in
                if current.depth == 1 {
                    header.set(current.index, utf8: bytes)
                } else {
                    row?.set(current.index, utf8: bytes)
                }
            }
        }

        private mutating func finishRow() {
            guard let complete = row else { return }
            row = nil
            builder.add(complete)
            spareRows[complete.register] = complete
        }
    }
}
