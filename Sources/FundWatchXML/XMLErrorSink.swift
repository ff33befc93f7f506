import CLibXML2
import FundWatchCore

/// Receives libxml2's structured errors for one reader (through `userData`, so the C
/// callback captures nothing) and turns them into findings.
public final class XMLErrorSink {
    public let file: String
    /// Well-formedness and safety findings.
    public var parse = FindingCollector()
    /// Schema (XSD) findings.
    public var schema = FindingCollector()

    public init(file: String) { self.file = file }

    func record(_ error: xmlError) {
        guard error.level != XML_ERR_WARNING else { return }
        var text = error.message.map { String(cString: $0) } ?? "unknown error"
        while text.last == "\n" || text.last == " " { text.removeLast() }
        text = text.replacingOccurrences(of: "{urn:fundwatch:submission:1}", with: "").replacingOccurrences(of: "\n", with: " ")
        let at = FindingLocation(file: file, line: error.line > 0 ? Int(error.line) : nil)
        if error.domain == Int32(XML_FROM_SCHEMASV.rawValue) {
            schema.add(.xmlSchema, at: at, detailEN: text)
        } else {
            parse.add(.xmlMalformed, at: at, detailEN: text)
        }
    }

    /// Runs `body` with this thread's libxml2 errors routed to this sink (libxml2 reports
    /// some errors through thread-local handlers rather than a reader's) and its
    /// unstructured messages silenced instead of printed to stderr.
    public func capturingThreadErrors<R>(_ body: () throws -> R) rethrows -> R {
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(self).toOpaque(), XMLErrorSink.callback)
        fw_xml_silence_generic_errors(1)
        defer {
            xmlSetStructuredErrorFunc(nil, nil)
            fw_xml_silence_generic_errors(0)
        }
        return try withExtendedLifetime(self) { try body() }
    }

    /// The C callback handed to libxml2.
    public static let callback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        Unmanaged<XMLErrorSink>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
