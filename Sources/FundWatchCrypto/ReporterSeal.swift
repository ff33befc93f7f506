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
    /// The key of the reporter's HMAC in content digests, derived from `key` (never the key itself).
    private let digestKey: SymmetricKey?

    /// Reduces every reporter to "present" or empty: no key configured.
    public static let presenceOnly = ReporterSeal(key: nil)

    private init(key: SymmetricKey?) {
        self.key = key
        digestKey = key.map(Self.digestKey(from:))
    }

    private static func digestKey(from key: SymmetricKey) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Array("fundwatch reporter digest v1".utf8), outputByteCount: 32)
    }

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
        digestKey = Self.digestKey(from: SymmetricKey(data: raw))
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

    /// What a content digest takes of `reporter`: empty for none; with a key, `hmac1:` and
    /// the HMAC-SHA256 of it under a key derived from the reporter key (so a corrected reporter
    /// is a new version, and no one without the key can test a guess against the digest);
    /// without one, `present` (what the store keeps then anyway).
    public func digestToken(_ reporter: String) -> String {
        guard !reporter.isEmpty else { return "" }
        guard let digestKey else { return "present" }
        return "hmac1:" + Array(HMAC<SHA256>.authenticationCode(for: Array(reporter.utf8), using: digestKey)).hexDigits
    }

    /// Names how digests treat reporters, stored with a store's digests so they are
    /// recomputed when it changes: `presence`, or `hmac1:` and an id of the derived key.
    public var digestScheme: String {
        guard let digestKey else { return "presence" }
        let id = SHA256.hash(data: digestKey.withUnsafeBytes { Array($0) } + Array("key id".utf8))
        return "hmac1:" + String(Array(id).hexDigits.prefix(16))
    }

    /// What a stored reporter value (``seal(_:)``'s output) enters a content digest as, for
    /// recomputing a stored version's digest: its HMAC when it opens under this key, else its
    /// presence (a value stored without a key, or under another one).
    public func digestToken(stored: String) -> String {
        guard !stored.isEmpty else { return "" }
        if let plain = open(stored) { return digestToken(plain) }
        return "present"
    }

    /// The reporter of a stored value, for an authorised holder of the key; nil when the
    /// value is not sealed under this key (or holds only "present").
    public func open(_ stored: String) -> String? {
        guard let key, stored.hasPrefix("aesgcm1:"), let data = Data(base64Encoded: String(stored.dropFirst(8))),
            let box = try? AES.GCM.SealedBox(combined: data), let plain = try? AES.GCM.open(box, using: key)
        else { return nil }
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
