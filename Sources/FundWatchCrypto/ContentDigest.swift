import Crypto
import FundWatchCore

extension Submission {
    /// SHA-256 (swift-crypto) of the submission's canonical content, as 64 lowercase hex
    /// digits: the same registers give the same digest whether they arrived as XML or CSV,
    /// with codes or labels, with or without optional zeros. Row order counts.
    public var contentDigest: String {
        var hasher = SHA256()
        writeCanonicalForm { hasher.update(bufferPointer: $0) }
        return hasher.finalize().hexDigits
    }
}
