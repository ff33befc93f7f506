import CLibXML2
import Foundation

/// The compiled submission XSD, shared by every reader (libxml2 schemas are read-only
/// once parsed; each reader gets its own validation context).
final class SubmissionSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    private init(pointer: xmlSchemaPtr) { self.pointer = pointer }

    /// The schema shipped as `submission.xsd` in this module's resources.
    static let shared: SubmissionSchema = {
        xmlInitParser()
        guard let url = Bundle.module.url(forResource: "submission", withExtension: "xsd"),
              let data = try? Data(contentsOf: url) else {
            fatalError("submission.xsd is missing from the FundWatchInput resources")
        }
        guard let schema = compile(data) else { fatalError("submission.xsd does not compile") }
        return SubmissionSchema(pointer: schema)
    }()

    /// Compiles an XSD held in memory; nil when it is not a valid schema.
    static func compile(_ xsd: Data) -> xmlSchemaPtr? {
        xsd.withUnsafeBytes { raw in
            let context = xmlSchemaNewMemParserCtxt(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count))
            defer { xmlSchemaFreeParserCtxt(context) }
            return xmlSchemaParse(context)
        }
    }
}
