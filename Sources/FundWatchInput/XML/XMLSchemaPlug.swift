import CLibXML2

/// Plugs XSD validation into a SAX2 push parser, so a document is parsed and validated in
/// one pass without building a tree or reader nodes.
enum XMLSchemaPlug {
    /// A validation context for `schema` reporting to `sink`, plugged into `context`; undo
    /// with `xmlSchemaSAXUnplug` (before the context is freed) and free the validation
    /// context. Nil when libxml2 refuses.
    static func plug(_ schema: xmlSchemaPtr, into context: xmlParserCtxtPtr, sink: XMLErrorSink)
        -> (validation: xmlSchemaValidCtxtPtr, plug: xmlSchemaSAXPlugPtr)? {
        guard let validation = xmlSchemaNewValidCtxt(schema) else { return nil }
        xmlSchemaSetValidStructuredErrors(validation, XMLErrorSink.callback, Unmanaged.passUnretained(sink).toOpaque())
        // A validator plugged into SAX knows no lines of its own: it asks the parser's.
        // (libxml2 reads both answers, so the file is set too: none, the sink knows it.)
        xmlSchemaValidateSetLocator(validation, { parser, file, line in
            file?.pointee = nil
            line?.pointee = parser.map { UInt(max(0, xmlSAX2GetLineNumber($0))) } ?? 0
            return 0
        }, UnsafeMutableRawPointer(context))
        // The plug wraps the context's handler and user data in place (and puts them back
        // when unplugged), so it gets the addresses of the context's own fields.
        let raw = UnsafeMutableRawPointer(context)
        let saxField = (raw + MemoryLayout<xmlParserCtxt>.offset(of: \xmlParserCtxt.sax)!).assumingMemoryBound(to: xmlSAXHandlerPtr?.self)
        let userField = (raw + MemoryLayout<xmlParserCtxt>.offset(of: \xmlParserCtxt.userData)!).assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
        guard let plug = xmlSchemaSAXPlug(validation, saxField, userField) else {
            xmlSchemaFreeValidCtxt(validation)
            return nil
        }
        return (validation, plug)
    }
}
