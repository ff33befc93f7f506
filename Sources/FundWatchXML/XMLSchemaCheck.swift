import CLibXML2
import Foundation
import FundWatchCore

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
    /// rendered. A lock guards its parser and state: feed it from any thread, then ``finish()``.
    public final class Stream: @unchecked Sendable {
        private let lock = NSLock()
        private let name: String
        private let sink: XMLErrorSink
        private var schema: xmlSchemaPtr?
        private var parser: XMLPushParser?
        /// The outcome, once known (early when the schema does not compile or a DOCTYPE is met).
        private var outcome: [Finding]?
        private var seenStart = false

        public init(name: String, schema xsd: Data?) {
            xmlInitParser()
            self.name = name
            sink = XMLErrorSink(file: name)
            if let xsd {
                schema = XMLSchema.compile(xsd)
                if schema == nil {
                    sink.schema.add(.xmlSchema, at: FindingLocation(file: name, line: nil), detailEN: "the schema itself does not compile")
                    outcome = sink.schema.findings
                    return
                }
            }
            // No callbacks of its own: only well-formedness, and the schema.
            var handler = xmlSAXHandler()
            handler.initialized = XML_SAX2_MAGIC
            do {
                parser = try XMLPushParser(name: name, handler: handler, userData: nil, schema: schema, sink: sink)
            } catch XMLPushParser.Failure.schemaNotAttached {
                sink.schema.add(.xmlSchema, at: FindingLocation(file: name, line: nil), detailEN: "the schema could not be attached")
                outcome = sink.schema.findings
            } catch {
                sink.parse.add(.xmlMalformed, at: FindingLocation(file: name, line: nil))
                outcome = sink.parse.findings
            }
        }

        /// Parses and validates the next bytes of the document.
        public func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
            lock.withLock { feedLocked(bytes) }
        }

        private func feedLocked(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard outcome == nil, let parser else { return }
            if !seenStart {
                seenStart = true
                if XMLProlog.doctypeLine(in: Array(bytes.prefix(XMLProlog.window))) != nil {
                    sink.parse.add(.xmlDoctype, at: FindingLocation(file: name, line: nil))
                    outcome = sink.parse.findings
                    return
                }
            }
            sink.capturingThreadErrors { parser.parse(bytes, terminate: false) }
        }

        /// Ends the document and returns the problems found; empty when there are none.
        public func finish() -> [Finding] {
            lock.withLock { finishLocked() }
        }

        private func finishLocked() -> [Finding] {
            if let outcome {
                release()
                return outcome
            }
            if let parser {
                sink.capturingThreadErrors { parser.parse(UnsafeBufferPointer(start: nil, count: 0), terminate: true) }
                if !parser.isWellFormed && !sink.parse.hasErrors {
                    sink.parse.add(.xmlMalformed, at: FindingLocation(file: name, line: nil))
                }
                if !sink.parse.hasErrors && !parser.isValid && !sink.schema.hasErrors {
                    sink.schema.add(.xmlSchema, at: FindingLocation(file: name, line: nil))
                }
            }
            let found = sink.parse.findings + sink.schema.findings
            outcome = found
            release()
            return found
        }

        /// Frees the parser before the schema it validates against.
        private func release() {
            parser = nil
            if let schema {
                xmlSchemaFree(schema)
                self.schema = nil
            }
        }

        deinit { release() }
    }
}
