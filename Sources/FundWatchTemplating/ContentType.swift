/// How placed text is escaped, chosen by a template's `{{% CONTENT_TYPE: …}}` line.
public enum ContentType: String, Sendable, CaseIterable {
    /// `&`, `<`, `>`, `"` and `'` become entities (the default).
    case html = "HTML"
    /// As HTML (with `&apos;`), and characters XML 1.0 forbids (control characters but tab,
    /// line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD, so a stray byte in a
    /// county's text cannot break a document.
    case xml = "XML"
    /// Nothing is escaped (plain text for a WeChat post).
    case text = "TEXT"

    /// Appends `text`, escaped, to `out`.
    func append(_ text: String, to out: inout [UInt8]) {
        switch self {
        case .text: out.append(contentsOf: text.utf8)
        case .html: Self.appendEscaped(text, to: &out, xml: false)
        case .xml: Self.appendEscaped(text, to: &out, xml: true)
        }
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    private static func appendEscaped(_ text: String, to out: inout [UInt8], xml: Bool) {
        var text = text
        text.withUTF8 { bytes in
            // Copy runs of plain bytes at once; the characters to escape are all ASCII, so
            // they never occur inside a multi-byte character.
            var runStart = 0
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                var entity: StaticString?
                var skip = 1
                switch byte {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = xml ? "&apos;" : "&#39;"
                case 0x09, 0x0A, 0x0D: break
                case ..<0x20 where xml: entity = "\u{FFFD}"
                case 0xEF where xml && i + 2 < count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    entity = "\u{FFFD}"
                    skip = 3
                default: break
                }
                if let entity {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                    i += skip
                    runStart = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
    }
}
