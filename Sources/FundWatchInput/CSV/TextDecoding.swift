import Foundation
import FundWatchCore

/// The text encoding of one CSV file, decided from its bytes and never guessed silently:
/// UTF-8 (a BOM, or bytes that are valid UTF-8), else GB18030/GBK (bytes valid there and
/// not in UTF-8); bytes valid in neither, or a later byte that breaks the decided
/// encoding, are an error naming the line.
struct TextDecoding {
    enum Encoding: String {
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
    }

    /// Nil until the first non-ASCII bytes are seen (ASCII reads the same in both).
    private(set) var encoding: Encoding?
    private var atStart = true

    /// Foundation's GB18030 (kCFStringEncodingGB_18030_2000), which also decodes GBK.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Looks at a chunk before it is tokenized: strips a leading BOM and, while the
    /// encoding is undecided, decides it from the chunk. Returns how many bytes to skip.
    mutating func inspect(_ chunk: UnsafeBufferPointer<UInt8>) -> Int {
        var skip = 0
        if atStart {
            atStart = false
            if chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF {
                encoding = .utf8
                skip = 3
            }
        }
        if encoding == nil {
            let rest = UnsafeBufferPointer(rebasing: chunk[skip...])
            if rest.contains(where: { $0 >= 0x80 }) {
                if Self.isValidUTF8(rest, allowTruncatedEnd: true) || Self.isMostlyUTF8(rest) {
                    // Mostly UTF-8 with a few broken bytes: a damaged UTF-8 file, whose broken
                    // line is then reported, never a GB18030 file read as mojibake.
                    encoding = .utf8
                } else if Self.isValidGB18030(rest, allowTruncatedEnd: true) {
                    encoding = .gb18030
                }
                // Valid in neither: stays undecided; the first field that fails names its line.
            }
        }
        return skip
    }

    /// Whether one field's bytes are valid in the file's encoding.
    func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch encoding {
        case .utf8, nil: Self.isValidUTF8(bytes, allowTruncatedEnd: false)
        case .gb18030:
            // Also what Foundation's decoder accepts, so `decode` never has to guess.
            Self.isValidGB18030(bytes, allowTruncatedEnd: false)
                && (!bytes.contains { $0 >= 0x80 } || String(data: Data(bytes), encoding: Self.gb18030) != nil)
        }
    }

    /// Decodes one field already found valid (``isValid(_:)``).
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if encoding == .gb18030 && bytes.contains(where: { $0 >= 0x80 }) {
            return String(data: Data(bytes), encoding: Self.gb18030) ?? String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Sets field `index` of `row` to one field already found valid, as UTF-8.
    func set(_ bytes: UnsafeBufferPointer<UInt8>, field index: Int, of row: inout RawRow) {
        if encoding == .gb18030 && bytes.contains(where: { $0 >= 0x80 }) {
            row.set(index, decode(bytes))
        } else {
            row.set(index, utf8: bytes)
        }
    }

    /// Whether the bytes are UTF-8 (optionally cut inside the last character).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return false
            }
            for k in 1..<length {
                if i + k >= n { return allowTruncatedEnd }
                let c = bytes[i + k]
                if k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF) { return false }
            }
            i += length
        }
        return true
    }

    /// Whether most multi-byte sequences are well-formed UTF-8 (at least four good ones per bad one).
    /// GBK text almost never forms well-formed UTF-8 sequences; UTF-8 text read as GBK often parses.
    static func isMostlyUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var good = 0, bad = 0, i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0
            if length > 0, i + length <= n,
                isValidUTF8(UnsafeBufferPointer(rebasing: bytes[i..<i + length]), allowTruncatedEnd: false)
            {
                good += 1
                i += length
            } else {
                bad += 1
                i += 1
            }
        }
        return good >= 4 * max(bad, 1)
    }

    /// Whether the bytes are GB18030 (which includes GBK and Excel's CP936 0x80 €).
    static func isValidGB18030(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b <= 0x80 {
                i += 1
                continue
            }
            if b == 0xFF { return false }
            if i + 1 >= n { return allowTruncatedEnd }
            let c = bytes[i + 1]
            if (0x40...0x7E).contains(c) || (0x80...0xFE).contains(c) {
                i += 2
                continue
            }
            guard (0x30...0x39).contains(c) else { return false }
            if i + 3 >= n { return allowTruncatedEnd }
            guard (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) else { return false }
            i += 4
        }
        return true
    }
}
