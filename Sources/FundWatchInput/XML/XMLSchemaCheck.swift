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
        let userData = Unmanaged.passUnretained(sink).toOpaque()
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
        let status: Int32 = document.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let reader = xmlReaderForMemory(chars.baseAddress, Int32(chars.count), name, nil, XMLSubmissionReader.options) else { return -1 }
                defer { xmlFreeTextReader(reader) }
                xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorSink.callback, userData)
                if let schema, xmlTextReaderSetSchema(reader, schema) != 0 { return -1 }
                var status: Int32 = 1
                while status == 1 { status = xmlTextReaderRead(reader) }
                if schema != nil && status == 0 && xmlTextReaderIsValid(reader) != 1 && !sink.schema.hasErrors {
                    sink.schema.add(.xmlSchema, at: SourceLocation(file: name, line: nil))
                }
                return status
            }
        }
        if status != 0 && !sink.parse.hasErrors {
            sink.parse.add(.xmlMalformed, at: SourceLocation(file: name, line: nil))
        }
        return sink.parse.findings + sink.schema.findings
    }
}
