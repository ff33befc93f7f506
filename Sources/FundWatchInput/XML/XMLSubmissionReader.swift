import CLibXML2
import Foundation
import FundWatchCore
import FundWatchXML
import FundWatchZip

/// Reads an XML submission with libxml2's SAX2 push parser: no tree and no reader nodes
/// are built, the file is read in 64 KiB blocks.
///
/// Validity against `submission.xsd` is settled in the same pass by ``XMLStructureCheck``
/// when the document is certainly valid (the common case); any doubt or error reads the
/// document again with the schema plugged into the SAX stream, and libxml2's validator
/// gives the findings, exactly as if it had validated the first time.
///
/// Safety: no DTD is loaded, no entity substituted, no network reached; a document with
/// a DOCTYPE is refused outright (XXE and billion-laughs payloads live in a DTD).
struct XMLSubmissionReader {
    let limits: ReadLimits
    /// Whether a certainly valid document may skip libxml2's validator (tests compare both).
    var checksStructureInPass = true

    /// Reads a document and returns the findings and, when there is no error, the submission.
    func read(_ stream: ByteStream) -> (Submission?, FindingCollector) {
        let displayName = stream.displayName
        if let size = stream.knownSize, size > limits.maxSubmissionBytes {
            var findings = FindingCollector()
            findings.add(.tooLarge, at: FindingLocation(file: displayName, line: nil))
            return (nil, findings)
        }
        if checksStructureInPass {
            let sink = XMLErrorSink(file: displayName)
            let pass = sink.capturingThreadErrors { read(stream, sink: sink, schema: nil) }
            if pass.certainlyValid || pass.endedEarly { return (pass.submission, pass.findings) }
        }
        let sink = XMLErrorSink(file: displayName)
        let pass = sink.capturingThreadErrors { read(stream, sink: sink, schema: SubmissionSchema.shared.pointer) }
        return (pass.submission, pass.findings)
    }

    /// Whether the pass without the validator finds the document certainly valid (for tests
    /// that hold this verdict against libxml2's).
    func isCertainlyValidWithoutSchema(_ stream: ByteStream) -> Bool {
        let sink = XMLErrorSink(file: stream.displayName)
        return sink.capturingThreadErrors { read(stream, sink: sink, schema: nil) }.certainlyValid
    }

    /// What one pass over a document gave.
    private struct Pass {
        var submission: Submission?
        var findings: FindingCollector
        /// Read without the validator, and certainly valid against the schema all the same.
        var certainlyValid = false
        /// Stopped before the end (a DOCTYPE, too many bytes, an unreadable stream): the
        /// findings are the same with or without the validator, so nothing is read twice.
        var endedEarly = false
    }

    /// Ends reading early; the finding has been added.
    private struct Stop: Error {}

    private func read(_ stream: ByteStream, sink: XMLErrorSink, schema: xmlSchemaPtr?) -> Pass {
        let displayName = stream.displayName
        // The callbacks reach the state through a plain pointer: no reference counting and
        // no exclusivity checks per SAX event.
        let state = UnsafeMutablePointer<SAXState>.allocate(capacity: 1)
        state.initialize(
            to: SAXState(
                walker: XMLRowWalker(file: displayName, limits: limits), sink: sink,
                structure: schema == nil ? XMLStructureCheck() : nil))
        defer {
            state.deinitialize(count: 1)
            state.deallocate()
        }
        let parser: XMLPushParser
        do {
            parser = try XMLPushParser(
                name: displayName, handler: SAXState.makeHandler(), userData: UnsafeMutableRawPointer(state),
                schema: schema, sink: sink)
        } catch XMLPushParser.Failure.schemaNotAttached {
            sink.parse.add(.fileUnreadable, at: FindingLocation(file: displayName, line: nil), detailEN: "schema could not be attached")
            return Pass(findings: sink.parse)
        } catch {
            sink.parse.add(.fileUnreadable, at: FindingLocation(file: displayName, line: nil))
            return Pass(findings: sink.parse)
        }
        state.pointee.context = parser.context

        // The first bytes are looked at for a DOCTYPE before libxml2 sees any of them.
        var prolog: [UInt8] = []
        var prologChecked = false
        var read: Int64 = 0
        // In 64 KiB blocks, as libxml2 reads best.
        func parse(_ bytes: UnsafeBufferPointer<UInt8>) {
            var start = 0
            while start < bytes.count {
                let end = min(start + (1 << 16), bytes.count)
                parser.parse(UnsafeBufferPointer(rebasing: bytes[start..<end]), terminate: false)
                start = end
            }
        }
        func check(_ bytes: [UInt8]) throws {
            prologChecked = true
            if let line = XMLProlog.doctypeLine(in: bytes) {
                sink.parse.add(.xmlDoctype, at: FindingLocation(file: displayName, line: line))
                throw Stop()
            }
            bytes.withUnsafeBufferPointer { parse($0) }
        }
        do {
            try stream.forEachChunk { chunk in
                read += Int64(chunk.count)
                if read > limits.maxSubmissionBytes {
                    sink.parse.add(.tooLarge, at: FindingLocation(file: displayName, line: nil))
                    throw Stop()
                }
                if !prologChecked {
                    prolog.append(contentsOf: chunk)
                    if prolog.count >= XMLProlog.window {
                        try check(prolog)
                        prolog = []
                    }
                } else {
                    parse(chunk)
                }
                if state.pointee.doctypeLine != nil { throw Stop() }
            }
            if !prologChecked { try check(prolog) }
        } catch is Stop {
            if let line = state.pointee.doctypeLine {
                sink.parse.add(.xmlDoctype, at: FindingLocation(file: displayName, line: line))
            }
            return Pass(findings: sink.parse, endedEarly: true)
        } catch let error as ZipError {
            sink.parse.add(Finding(zip: error, archive: displayName))
            return Pass(findings: sink.parse, endedEarly: true)
        } catch {
            sink.parse.add(.fileUnreadable, at: FindingLocation(file: displayName, line: nil))
            return Pass(findings: sink.parse, endedEarly: true)
        }
        if let line = state.pointee.doctypeLine {
            sink.parse.add(.xmlDoctype, at: FindingLocation(file: displayName, line: line))
            return Pass(findings: sink.parse, endedEarly: true)
        }
        parser.parse(UnsafeBufferPointer(start: nil, count: 0), terminate: true)
        if !parser.isWellFormed || sink.parse.hasErrors {
            if !sink.parse.hasErrors {
                sink.parse.add(.xmlMalformed, at: FindingLocation(file: displayName, line: nil), detailEN: "the document ends early")
            }
            return Pass(findings: sink.parse)
        }
        if sink.schema.hasErrors || !parser.isValid {
            if !sink.schema.hasErrors { sink.schema.add(.xmlSchema, at: FindingLocation(file: displayName, line: nil)) }
            return Pass(findings: sink.schema)
        }
        var builder = state.pointee.walker.builder
        builder.addHeader(state.pointee.walker.header)
        let submission = builder.finish()
        let certain = state.pointee.structure?.documentIsCertainlyValid ?? false
        return Pass(submission: submission, findings: builder.collector, certainlyValid: certain)
    }
}

/// What the SAX callbacks reach through their user data: the walker, the depth of the
/// next element, and the parser context (for line numbers).
private struct SAXState {
    var walker: XMLRowWalker
    let sink: XMLErrorSink
    /// The schema's structure, checked in this pass (nil when the validator is plugged in).
    var structure: XMLStructureCheck?
    var context: xmlParserCtxtPtr?
    var depth: Int32 = 0
    /// Set when a DOCTYPE is met: the document is refused and parsing stops.
    var doctypeLine: Int?

    init(walker: XMLRowWalker, sink: XMLErrorSink, structure: XMLStructureCheck?) {
        self.walker = walker
        self.sink = sink
        self.structure = structure
    }

    var line: Int? {
        guard let context else { return nil }
        let n = xmlSAX2GetLineNumber(UnsafeMutableRawPointer(context))
        return n > 0 ? Int(n) : nil
    }

    static func from(_ userData: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<SAXState> {
        userData!.assumingMemoryBound(to: SAXState.self)
    }

    /// Element starts and ends, text and the DOCTYPE; nothing else (no entities, no tree).
    static func makeHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = XML_SAX2_MAGIC
        h.startElementNs = { userData, localName, _, uri, _, _, attributes, _, _ in
            let state = SAXState.from(userData)
            state.pointee.structure?.start(localName, uri: uri, attributes: attributes)
            let line = state.pointee.line ?? 1
            state.pointee.walker.startElement(UnsafeRawPointer(localName), depth: state.pointee.depth, line: line, isEmpty: false)
            state.pointee.depth += 1
        }
        h.endElementNs = { userData, _, _, _ in
            let state = SAXState.from(userData)
            state.pointee.structure?.end()
            state.pointee.depth -= 1
            state.pointee.walker.endElement(depth: state.pointee.depth)
        }
        let characters: charactersSAXFunc = { userData, text, length in
            guard let text, length > 0 else { return }
            let state = SAXState.from(userData)
            text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                state.pointee.structure?.text(UnsafeBufferPointer(start: $0, count: Int(length)))
                state.pointee.walker.characters(
                    UnsafeBufferPointer(start: $0, count: Int(length)), depth: state.pointee.depth,
                    line: state.pointee.line, sink: state.pointee.sink)
            }
        }
        h.characters = characters
        h.ignorableWhitespace = characters
        h.cdataBlock = characters
        h.internalSubset = { userData, _, _, _ in
            let state = SAXState.from(userData)
            state.pointee.doctypeLine = state.pointee.line ?? 1
            if let context = state.pointee.context { xmlStopParser(context) }
        }
        return h
    }
}
