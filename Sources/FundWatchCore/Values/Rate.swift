/// A ratio kept as its exact numerator and denominator; shown as a percentage with one
/// decimal rounded half up (1087 ÷ 1260 → `86.3%`), or `—` when the denominator is zero.
public struct Rate: Hashable, Sendable {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Tenths of a percent, rounded half up; nil when the denominator is zero.
    public var permille: Int? {
        guard denominator != 0 else { return nil }
        // round(n * 1000 / d) half up, in integers: (2·n·1000 + d) / (2·d).
        return (2 * numerator * 1000 + denominator) / (2 * denominator)
    }

    /// The percentage with one decimal, without the sign: `"75.0"`; nil for a zero denominator.
    public var percentNumber: String? {
        permille.map { String($0 / 10) + "." + String($0 % 10) }
    }

    /// `"75.0%"`, or `"—"` when the denominator is zero.
    public var display: String { percentNumber.map { $0 + "%" } ?? "—" }
}
