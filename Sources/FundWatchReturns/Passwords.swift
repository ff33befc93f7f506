import FundWatchCore
import HummingbirdBcrypt

/// Password hashing with bcrypt, off the cooperative pool (a hash takes tens of milliseconds).
public struct Passwords: Sendable {
    /// The shortest password accepted.
    public static let minimumLength = 10
    public let cost: UInt8
    /// Checked when the user name is unknown, so an unknown user costs the same work.
    private let decoy: String

    public init(cost: Int) {
        self.cost = UInt8(clamping: cost)
        decoy = Bcrypt.hash(Secrets.token(), cost: UInt8(clamping: cost))
    }

    /// Why `password` is refused, or nil.
    public static func problem(_ password: String) -> String? {
        password.count < minimumLength ? "密码至少\(minimumLength)个字符 (at least \(minimumLength) characters)" : nil
    }

    public func hash(_ password: String) async -> String {
        let cost = self.cost
        return await offloaded { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; with no hash (unknown user) checks the decoy and says no.
    public func verify(_ password: String, hash: String?) async -> Bool {
        let target = hash ?? decoy
        let matches = await offloaded { Bcrypt.verify(password, hash: target) }
        return matches && hash != nil
    }
}
