import CLibXML2
import FundWatchCore

/// A libxml2 SAX2 push parser with FundWatch's safe options, validating against a schema
/// in the same pass when given one (the validator is plugged into the SAX stream): no tree
/// and no reader nodes are built. Used for submissions and for documents FundWatch writes.
public final class XMLPushParser {
    /// Why a parser could not be made.
    public enum Failure: Error {
        case noContext
        case schemaNotAttached
    }

    /// The parser context (for line numbers and `xmlStopParser`).
    public let context: xmlParserCtxtPtr
    /// Parser options: never `XML_PARSE_NOENT` or `XML_PARSE_DTDLOAD` (no entity is
    /// substituted, no DTD loaded, no network reached).
    public static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

    private var plugged: (validation: xmlSchemaValidCtxtPtr, plug: xmlSchemaSAXPlugPtr)?

    /// A parser calling `handler` with `userData`; schema errors go to `sink`, parse errors
    /// to the thread's handler (see ``XMLErrorSink/capturingThreadErrors(_:)``).
    public init(name: String, handler: xmlSAXHandler, userData: UnsafeMutableRawPointer?, schema: xmlSchemaPtr?, sink: XMLErrorSink) throws {
        var handler = handler
        guard let context = xmlCreatePushParserCtxt(&handler, userData, nil, 0, name) else { throw Failure.noContext }
        self.context = context
        guard let schema else {
            xmlCtxtUseOptions(context, Self.options)
            return
        }
        guard let validation = xmlSchemaNewValidCtxt(schema) else { throw Failure.schemaNotAttached }
        xmlSchemaSetValidStructuredErrors(validation, XMLErrorSink.callback, Unmanaged.passUnretained(sink).toOpaque())
        // A validator plugged into SAX knows no lines of its own: it asks the parser's.
        // (libxml2 reads both answers, so the file is set too: none, the sink knows it.)
        xmlSchemaValidateSetLocator(
            validation,
            { parser, file, line in
                file?.pointee = nil
                line?.pointee = parser.map { UInt(max(0, xmlSAX2GetLineNumber($0))) } ?? 0
                return 0
            }, UnsafeMutableRawPointer(context))
        // The plug wraps the context's handler and user data in place (and puts them back
        // when unplugged), so it gets the addresses of the context's own fields.
        let raw = UnsafeMutableRawPointer(context)
        let saxField = (raw + MemoryLayout<xmlParserCtxt>.offset(of: \xmlParserCtxt.sax)!).assumingMemoryBound(to: xmlSAXHandlerPtr?.self)
        let userField = (raw + MemoryLayout<xmlParserCtxt>.offset(of: \xmlParserCtxt.userData)!).assumingMemoryBound(
            to: UnsafeMutableRawPointer?.self)
        guard let plug = xmlSchemaSAXPlug(validation, saxField, userField) else {
            xmlSchemaFreeValidCtxt(validation)
            throw Failure.schemaNotAttached
        }
        plugged = (validation, plug)
        // The options after the plug: XML_PARSE_NOCDATA works by clearing the handler's
        // CDATA callback, and cleared on the plug's handler, CDATA reaches the validator and
        // the reader as text. Set before, it cleared the reader's own callback, and the plug
        // then passed CDATA sections to nothing: their text was lost.
        xmlCtxtUseOptions(context, Self.options)
    }

    /// Parses the next bytes (in blocks: a chunk length is a C int); `terminate` ends the document.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, terminate: Bool) {
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

    /// Whether the document parsed so far is well-formed.
    public var isWellFormed: Bool { context.pointee.wellFormed != 0 }

    /// Whether it is valid against the schema so far (true without a schema).
    public var isValid: Bool { plugged.map { xmlSchemaIsValid($0.validation) == 1 } ?? true }

    deinit {
        if let plugged {
            xmlSchemaSAXUnplug(plugged.plug)
            xmlSchemaFreeValidCtxt(plugged.validation)
        }
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(context)
    }
}
