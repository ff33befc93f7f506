import CLibXML2
import Foundation

/// Checks an XML document FundWatch wrote (a report, a notice, a chart) with libxml2,
/// streaming, with the same safe options as for submissions: well-formed, and valid
/// against its XSD when one is given.
public enum XMLSchemaCheck {
    /// The problems found; empty when the document is well-formed (and valid, given `xsd`).
    public static func problems(in document: [UInt8], name: String, schema xsd: Data?) -> [Finding] {
        let check = Stream(name: name, schema: xsd)
        document.withUnsafeBufferPointer { check.feed($0) }
        return check.finish()
    }

    /// A check fed piece by piece, so a document can be checked while it is still being
    /// rendered. Feed from one thread at a time, then ``finish()``.
    public final class Stream: @unchecked Sendable {
        private let name: String
        private let sink: XMLErrorSink
        private var schema: xmlSchemaPtr?
        private var context: xmlParserCtxtPtr?
        private var plugged: (validation: xmlSchemaValidCtxtPtr, plug: xmlSchemaSAXPlugPtr)?
        /// The outcome, once known (early when the schema does not compile or a DOCTYPE is met).
        private var outcome: [Finding]?
        private var seenStart = false

        public init(name: String, schema xsd: Data?) {
            xmlInitParser()
            self.name = name
            sink = XMLErrorSink(file: name)
            if let xsd {
                schema = SubmissionSchema.compile(xsd)
                if schema == nil {
                    sink.schema.add(.xmlSchema, at: SourceLocation(file: name, line: nil), detailEN: "the schema itself does not compile")
                    outcome = sink.schema.findings
                    return
                }
            }
            // A SAX2 push parser with no callbacks of its own: only well-formedness, and the
            // schema plugged into the stream (no tree, no reader nodes).
            var handler = xmlSAXHandler()
            handler.initialized = XML_SAX2_MAGIC
            guard let context = xmlCreatePushParserCtxt(&handler, nil, nil, 0, name) else {
                sink.parse.add(.xmlMalformed, at: SourceLocation(file: name, line: nil))
                outcome = sink.parse.findings
                return
            }
            self.context = context
            xmlCtxtUseOptions(context, XMLSubmissionReader.options)
            if let schema {
                plugged = XMLSchemaPlug.plug(schema, into: context, sink: sink)
                if plugged == nil {
                    sink.schema.add(.xmlSchema, at: SourceLocation(file: name, line: nil), detailEN: "the schema could not be attached")
                    outcome = sink.schema.findings
                }
            }
        }

        /// Parses and validates the next bytes of the document.
        public func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard outcome == nil, let context else { return }
            if !seenStart {
                seenStart = true
                if XMLProlog.doctypeLine(in: Array(bytes.prefix(XMLProlog.window))) != nil {
                    sink.parse.add(.xmlDoctype, at: SourceLocation(file: name, line: nil))
                    outcome = sink.parse.findings
                    return
                }
            }
            parse(bytes, terminate: false, context: context)
        }

        /// Ends the document and returns the problems found; empty when there are none.
        public func finish() -> [Finding] {
            if let outcome {
                release()
                return outcome
            }
            if let context {
                parse(UnsafeBufferPointer(start: nil, count: 0), terminate: true, context: context)
                if context.pointee.wellFormed == 0 && !sink.parse.hasErrors {
                    sink.parse.add(.xmlMalformed, at: SourceLocation(file: name, line: nil))
                }
                if let plugged, !sink.parse.hasErrors, xmlSchemaIsValid(plugged.validation) != 1 && !sink.schema.hasErrors {
                    sink.schema.add(.xmlSchema, at: SourceLocation(file: name, line: nil))
                }
            }
            let found = sink.parse.findings + sink.schema.findings
            outcome = found
            release()
            return found
        }

        /// Feeds libxml2 in blocks (a chunk length is a C int), this thread's errors to the sink.
        private func parse(_ bytes: UnsafeBufferPointer<UInt8>, terminate: Bool, context: xmlParserCtxtPtr) {
            sink.capturingThreadErrors {
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    let block = 1 << 20
                    var start = 0
                    repeat {
                        let end = min(start + block, chars.count)
                        xmlParseChunk(context, chars.baseAddress.map { $0 + start }, Int32(end - start), terminate && end == chars.count ? 1 : 0)
                        start = end
                    } while start < chars.count
                }
            }
        }

        private func release() {
            if let plugged {
                xmlSchemaSAXUnplug(plugged.plug)
                xmlSchemaFreeValidCtxt(plugged.validation)
                self.plugged = nil
            }
            if let context {
                if let document = context.pointee.myDoc { xmlFreeDoc(document) }
                xmlFreeParserCtxt(context)
                self.context = nil
            }
            if let schema {
                xmlSchemaFree(schema)
                self.schema = nil
            }
        }

        deinit { release() }
    }
}
