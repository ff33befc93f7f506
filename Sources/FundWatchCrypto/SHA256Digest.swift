import Crypto

/// SHA-256 digests as hex digits, through swift-crypto, for modules that do not import it.
public enum SHA256Digest {
    /// The SHA-256 of `text`'s UTF-8 bytes, as 64 lowercase hex digits.
    public static func hex(of text: String) -> String { SHA256.hexDigits(of: text) }

    /// The SHA-256 of `bytes`, as 64 lowercase hex digits.
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return hasher.finalize().hexDigits
    }

    /// The SHA-256 of `bytes`, as its 32 bytes.
    public static func bytes(of bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return Array(hasher.finalize())
    }
}
