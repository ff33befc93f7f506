import Crypto
import FundWatchCore

extension Submission {
    /// SHA-256 (swift-crypto) of the submission's canonical content, as 64 lowercase hex
    /// digits: the same registers give the same digest whether they arrived as XML or CSV,
    /// with codes or labels, with or without optional zeros. Row order counts. The reporter
    /// enters as `seal` reduces it (``ReporterSeal/digestToken(_:)``): its presence, or a keyed
    /// HMAC when the bureau configured a reporter key — never its text.
    public func contentDigest(seal: ReporterSeal = .presenceOnly) -> String {
        contentDigest(reporterToken: { seal.digestToken($0.revealedForStorage) })
    }

    /// The digest with each reporter entering as `reporterToken` makes it (recomputing a
    /// stored version's digest from the sealed values a store keeps).
    public func contentDigest(reporterToken: (Confidential) -> String) -> String {
        var hasher = SHA256()
        writeCanonicalForm(reporter: reporterToken) { hasher.update(bufferPointer: $0) }
        return hasher.finalize().hexDigits
    }
}
