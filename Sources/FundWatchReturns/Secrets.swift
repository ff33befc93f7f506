import Crypto
import Foundation
import FundWatchCrypto

/// Random tokens (session cookies, CSRF tokens, API tokens, demo passwords) and how they are
/// kept: only the SHA-256 of a token is stored, so a copy of the store opens no session.
public enum Secrets {
    /// 32 random bytes as URL-safe base64 without padding (43 characters).
    public static func token() -> String {
        let key = SymmetricKey(size: .bits256)
        let base64 = key.withUnsafeBytes { Data($0).base64EncodedString() }
        return base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The stored form of a token.
    public static func hash(_ token: String) -> String { SHA256Digest.hex(of: Array(token.utf8)) }

    /// A password a person can type: 16 letters and digits without look-alikes.
    public static func password() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Compares two strings in time independent of where they differ.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
