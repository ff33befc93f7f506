import CLibXML2
import Foundation

/// Checks an XML document FundWatch wrote (a report, a notice, a chart) with libxml2,
/// streaming, with the same safe options as for submissions: well-formed, and valid
/// against its XSD when one is given.
public enum XMLSchemaCheck {
    /// The problems found; empty when the document is well-formed (and valid, given `xsd`).
    public static func problems(in document: [UInt8], name: String, schema xsd: Data?) -> [Finding] {
        xmlInitParser()
        let sink = XMLErrorSink(file: name)
        return sink.capturingThreadErrors { check(document, name: name, schema: xsd, sink: sink) }
    }

    private static func check(_ document: [UInt8], name: String, schema xsd: Data?, sink: XMLErrorSink) -> [Finding] {
        var schema: xmlSchemaPtr? = nil
        if let xsd {
            schema = SubmissionSchema.compile(xsd)
            if schema == nil {
                sink.schema.add(.xmlSchema, at: SourceLocation(file: name, line: nil), detailEN: "the schema itself does not compile")
                return sink.schema.findings
            }
        }
        defer { if let schema { xmlSchemaFree(schema) } }
        if XMLProlog.doctypeLine(in: Array(document.prefix(XMLProlog.window))) != nil {
            sink.parse.add(.xmlDoctype, at: SourceLocation(file: name, line: nil))
            return sink.parse.findings
        }
        // A SAX2 push parser with no callbacks of its own: only well-formedness, and the
        // schema plugged into the stream (no tree, no reader nodes).
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        guard let context = xmlCreatePushParserCtxt(&handler, nil, nil, 0, name) else {
            sink.parse.add(.xmlMalformed, at: SourceLocation(file: name, line: nil))
            return sink.parse.findings
        }
        defer {
            if let document = context.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(context)
        }
        xmlCtxtUseOptions(context, XMLSubmissionReader.options)
        var plugged: (validation: xmlSchemaValidCtxtPtr, plug: xmlSchemaSAXPlugPtr)?
        if let schema {
            plugged = XMLSchemaPlug.plug(schema, into: context, sink: sink)
            if plugged == nil {
                sink.schema.add(.xmlSchema, at: SourceLocation(file: name, line: nil), detailEN: "the schema could not be attached")
                return sink.schema.findings
            }
        }
        defer {
            if let plugged {
                xmlSchemaSAXUnplug(plugged.plug)
                xmlSchemaFreeValidCtxt(plugged.validation)
            }
        }
        // Fed in blocks: a chunk length is a C int.
        let block = 1 << 20
        document.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var start = 0
                repeat {
                    let end = min(start + block, chars.count)
                    xmlParseChunk(context, chars.baseAddress.map { $0 + start }, Int32(end - start), end == chars.count ? 1 : 0)
                    start = end
                } while start < chars.count
            }
        }
        if context.pointee.wellFormed == 0 && !sink.parse.hasErrors {
            sink.parse.add(.xmlMalformed, at: SourceLocation(file: name, line: nil))
        }
        if let plugged, !sink.parse.hasErrors, xmlSchemaIsValid(plugged.validation) != 1 && !sink.schema.hasErrors {
            sink.schema.add(.xmlSchema, at: SourceLocation(file: name, line: nil))
        }
        return sink.parse.findings + sink.schema.findings
    }
}
