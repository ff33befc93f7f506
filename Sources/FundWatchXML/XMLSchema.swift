import CLibXML2
import Foundation
import FundWatchCore

/// A compiled XSD, shared by every parser that validates against it (libxml2 schemas are
/// read-only once parsed; each parser gets its own validation context).
public final class XMLSchema: @unchecked Sendable {
    /// The compiled schema.
    public let pointer: xmlSchemaPtr

    /// Compiles an XSD held in memory; nil when it is not a valid schema.
    public init?(_ xsd: Data) {
        xmlInitParser()
        guard let pointer = Self.compile(xsd) else { return nil }
        self.pointer = pointer
    }

    deinit { xmlSchemaFree(pointer) }

    /// Compiles an XSD held in memory into a schema the caller frees; nil when it is not valid.
    static func compile(_ xsd: Data) -> xmlSchemaPtr? {
        xsd.withUnsafeBytes { raw in
            let context = xmlSchemaNewMemParserCtxt(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count))
            defer { xmlSchemaFreeParserCtxt(context) }
            return xmlSchemaParse(context)
        }
    }
}
