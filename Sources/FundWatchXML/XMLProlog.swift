import Foundation
import FundWatchCore

/// Looks at the start of an XML file, before libxml2 sees it, for a document type
/// declaration. Submissions never need one, and every XXE or entity-expansion attack
/// needs one, so a `<!DOCTYPE` before the root element refuses the document outright.
public enum XMLProlog {
    /// How far to look: an XML declaration, comments and processing instructions fit easily.
    public static let window = 64 * 1024

    /// The 1-based line of a `<!DOCTYPE` before the root element, or nil.
    public static func doctypeLine(path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let bytes = Array(handle.readData(ofLength: window))
        return doctypeLine(in: bytes)
    }

    /// The 1-based line of a `<!DOCTYPE` before the root element in the first bytes of a document, or nil.
    public static func doctypeLine(in bytes: [UInt8]) -> Int? {
        let doctype = Array("<!DOCTYPE".utf8)
        var line = 1
        var i = 0
        func starts(_ text: String, at index: Int) -> Bool {
            let t = Array(text.utf8)
            return index + t.count <= bytes.count && Array(bytes[index..<index + t.count]) == t
        }
        func skip(to terminator: String) {
            while i < bytes.count && !starts(terminator, at: i) {
                if bytes[i] == 0x0A { line += 1 }
                i += 1
            }
            i += terminator.utf8.count
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                i += 1
                continue
            }
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0xEF || b == 0xBB || b == 0xBF {
                i += 1
                continue
            }
            guard b == UInt8(ascii: "<") else { return nil }
            if starts("<?", at: i) {
                skip(to: "?>")
                continue
            }
            if starts("<!--", at: i) {
                skip(to: "-->")
                continue
            }
            if i + doctype.count <= bytes.count, Array(bytes[i..<i + doctype.count]).map({ $0 >= 0x61 && $0 <= 0x7A ? $0 - 32 : $0 }) == doctype {
                return line
            }
            return nil  // the root element: no DOCTYPE can follow
        }
        return nil
    }
}
