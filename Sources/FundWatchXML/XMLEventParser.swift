import CLibXML2
import FundWatchCore

/// Streams a small XML document (a part of an .xlsx package) through libxml2's SAX2 push
/// parser with FundWatch's safe options, handing element starts (local name, attributes
/// by local name), ends and text to a handler. A DOCTYPE stops the parse: such parts never
/// carry one, and every entity attack needs one.
public final class XMLEventParser {
    /// What the parser tells its handler.
    public protocol Handler: AnyObject {
        /// An element starts; `attributes` by local name (namespaces dropped).
        func start(_ name: String, _ attributes: [String: String])
        /// An element ends.
        func end(_ name: String)
        /// Text inside the current element (may come in pieces).
        func text(_ bytes: UnsafeBufferPointer<UInt8>)
    }

    /// Why a document could not be read.
    public enum Failure: Error, Sendable, Equatable {
        /// Not well-formed, with libxml2's message.
        case malformed(String)
        /// It declares a DOCTYPE.
        case doctype
    }

    private let context: xmlParserCtxtPtr
    private let state: UnsafeMutablePointer<State>
    private let sink: XMLErrorSink

    private struct State {
        unowned(unsafe) let handler: any Handler
        var doctype = false
        var names: [UnsafeRawPointer: String] = [:]
    }

    /// A parser for the document called `name`, reporting to `handler`.
    public init(name: String, handler: any Handler) throws(Failure) {
        state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State(handler: handler))
        sink = XMLErrorSink(file: name)
        var sax = Self.makeHandler()
        guard let context = xmlCreatePushParserCtxt(&sax, UnsafeMutableRawPointer(state), nil, 0, name) else {
            state.deinitialize(count: 1)
            state.deallocate()
            throw .malformed("no parser context")
        }
        self.context = context
        xmlCtxtUseOptions(context, XMLPushParser.options)
    }

    /// Parses the next bytes.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) {
        try run(bytes, terminate: false)
    }

    /// Ends the document: throws unless it was complete and well-formed.
    public func finish() throws(Failure) {
        try run(UnsafeBufferPointer(start: nil, count: 0), terminate: true)
        guard context.pointee.wellFormed != 0 else { throw .malformed(firstError ?? "the document ends early") }
    }

    private var firstError: String? {
        sink.parse.findings.first.map(\.messageEN)
    }

    private func run(_ bytes: UnsafeBufferPointer<UInt8>, terminate: Bool) throws(Failure) {
        sink.capturingThreadErrors {
            bytes.withMemoryRebound(to: CChar.self) { chars in
                let block = 1 << 16
                var start = 0
                repeat {
                    let end = min(start + block, chars.count)
                    xmlParseChunk(context, chars.baseAddress.map { $0 + start }, Int32(end - start), terminate && end == chars.count ? 1 : 0)
                    start = end
                } while start < chars.count && context.pointee.wellFormed != 0 && !state.pointee.doctype
            }
        }
        if state.pointee.doctype { throw .doctype }
        if context.pointee.wellFormed == 0 { throw .malformed(firstError ?? "not well-formed") }
    }

    deinit {
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(context)
        state.deinitialize(count: 1)
        state.deallocate()
    }

    private static func from(_ userData: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<State> {
        userData!.assumingMemoryBound(to: State.self)
    }

    private static func name(_ pointer: UnsafePointer<xmlChar>?, in state: UnsafeMutablePointer<State>) -> String {
        guard let pointer else { return "" }
        let key = UnsafeRawPointer(pointer)
        if let known = state.pointee.names[key] { return known }
        let text = String(cString: pointer)
        state.pointee.names[key] = text
        return text
    }

    private static func makeHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = XML_SAX2_MAGIC
        h.startElementNs = { userData, localName, _, _, _, _, count, _, attributes in
            let state = XMLEventParser.from(userData)
            let name = XMLEventParser.name(localName, in: state)
            var values: [String: String] = [:]
            if let attributes, count > 0 {
                // Five pointers per attribute: local name, prefix, URI, value start, value end.
                for i in 0..<Int(count) {
                    guard let local = attributes[5 * i], let start = attributes[5 * i + 3], let end = attributes[5 * i + 4] else { continue }
                    let length = end - start
                    let value = start.withMemoryRebound(to: UInt8.self, capacity: length) {
                        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                    }
                    values[XMLEventParser.name(local, in: state)] = value
                }
            }
            state.pointee.handler.start(name, values)
        }
        h.endElementNs = { userData, localName, _, _ in
            let state = XMLEventParser.from(userData)
            state.pointee.handler.end(XMLEventParser.name(localName, in: state))
        }
        let characters: charactersSAXFunc = { userData, text, length in
            guard let text, length > 0 else { return }
            let state = XMLEventParser.from(userData)
            text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                state.pointee.handler.text(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
        }
        h.characters = characters
        h.ignorableWhitespace = characters
        h.cdataBlock = characters
        h.internalSubset = { userData, _, _, _ in
            XMLEventParser.from(userData).pointee.doctype = true
        }
        h.externalSubset = { userData, _, _, _ in
            XMLEventParser.from(userData).pointee.doctype = true
        }
        return h
    }
}
