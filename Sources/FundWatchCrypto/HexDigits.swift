import Crypto

extension Sequence where Element == UInt8 {
    /// The bytes as lowercase hex digits (a SHA-256 digest: 64 of them).
    public var hexDigits: String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

extension SHA256 {
    /// The SHA-256 of `text`'s UTF-8 bytes, as hex digits.
    public static func hexDigits(of text: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(text.utf8))
        return hasher.finalize().hexDigits
    }
}
