import Crypto
import FundWatchCore
import FundWatchInput

/// SHA-256 through swift-crypto (BoringSSL, which uses the processor's SHA instructions
/// where it has them): the same digests as the core's portable `SHA256`, several times
/// faster. Content digests hash as many bytes as a county sends, so at national scale the
/// portable one was a tenth of a report's time.
public struct CryptoSHA256: SHA256Hashing {
    private var hasher = Crypto.SHA256()

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    public mutating func finalizeHex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in hasher.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

extension SubmissionReader {
    /// A reader computing content digests with ``CryptoSHA256``.
    public static func withCryptoDigest(limits: ReadLimits = .standard) -> SubmissionReader {
        SubmissionReader(limits: limits, digest: { $0.contentDigest(using: CryptoSHA256.self) })
    }
}
