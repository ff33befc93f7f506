import Crypto
import Foundation

/// How the reporter (举报人) of a case is kept in a store: encrypted with AES-GCM under the
/// bureau's key when one is configured (`[store] reporter_key_file`), otherwise reduced to
/// whether there was a reporter. The plain text is never written; no query that feeds an
/// output reads the column back.
public struct ReporterSeal: Sendable {
    /// Why a key cannot be used.
    public struct KeyProblem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    private let key: SymmetricKey?

    /// Reduces every reporter to "present" or empty: no key configured.
    public static let presenceOnly = ReporterSeal(key: nil)

    private init(key: SymmetricKey?) { self.key = key }

    /// A seal with a 256-bit key: 32 raw bytes, or 64 hex digits, or base64 of 32 bytes.
    public init(keyFileContents bytes: [UInt8]) throws(KeyProblem) {
        var text = String(decoding: bytes, as: UTF8.self)
        text = String(text.filter { !$0.isWhitespace })
        let raw: [UInt8]
        if bytes.count == 32 {
            raw = bytes
        } else if text.count == 64, let hex = Self.hex(text) {
            raw = hex
        } else if let data = Data(base64Encoded: text), data.count == 32 {
            raw = Array(data)
        } else {
            throw KeyProblem(description: "the reporter key must be 32 bytes: raw, 64 hex digits or base64 (e.g. `openssl rand -hex 32`)")
        }
        key = SymmetricKey(data: raw)
    }

    /// Reads the key file at `path`.
    public init(keyFile path: String) throws(KeyProblem) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KeyProblem(description: "the reporter key file \(path) cannot be read")
        }
        try self.init(keyFileContents: Array(data))
    }

    /// A new random key as 64 hex digits, for a key file.
    public static func newKeyHex() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }.map { String(format: "%02x", $0) }.joined()
    }

    /// The text stored for `reporter`: empty for no reporter; `aesgcm1:` and the base64 of
    /// nonce, ciphertext and tag with a key; `present` without one.
    public func seal(_ reporter: String) -> String {
        guard !reporter.isEmpty else { return "" }
        guard let key else { return "present" }
        // Sealing with a fresh random nonce cannot fail for in-memory data and a 256-bit key.
        let box = try! AES.GCM.seal(Array(reporter.utf8), using: key)
        return "aesgcm1:" + box.combined!.base64EncodedString()
    }

    /// The reporter of a stored value, for an authorised holder of the key; nil when the
    /// value is not sealed under this key (or holds only "present").
    public func open(_ stored: String) -> String? {
        guard let key, stored.hasPrefix("aesgcm1:"), let data = Data(base64Encoded: String(stored.dropFirst(8))),
              let box = try? AES.GCM.SealedBox(combined: data), let plain = try? AES.GCM.open(box, using: key) else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }

    private static func hex(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var chars = text.makeIterator()
        while let a = chars.next() {
            guard let b = chars.next(), let byte = UInt8(String([a, b]), radix: 16) else { return nil }
            out.append(byte)
        }
        return out
    }
}
