/// An exact amount of money in fen (分, 1/100 yuan). Never floating point.
///
/// Reports show 万元 with two decimals rounded half up from the exact sum
/// (`483390000` fen → `"483.39"`); machine outputs carry exact yuan (`"4833900.00"`).
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic {
    /// The amount in fen.
    public var fen: Int64

    /// Creates an amount from a number of fen.
    public init(fen: Int64) { self.fen = fen }

    public static let zero = Money(fen: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.fen += rhs.fen }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

    /// Parses a non-negative yuan amount with at most two decimals (`"125000.50"`, `"48000"`, `"0.5"`).
    /// Returns nil for anything else: signs, exponents, thousands separators, three decimals.
    public init?(yuan text: String) {
        var text = text
        guard let money = text.withUTF8({ Money(yuanUTF8: $0) }) else { return nil }
        self = money
    }

    /// ``init(yuan:)`` over UTF-8 bytes, for readers that have not made a string.
    public init?(yuanUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenDot = false
        var wholeDigits = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                if seenDot {
                    fractionDigits += 1
                    if fractionDigits > 2 { return nil }
                    fraction = fraction * 10 + digit
                } else {
                    wholeDigits += 1
                    // 10^15 yuan is far beyond any fund; refuse rather than overflow.
                    if wholeDigits > 15 { return nil }
                    whole = whole * 10 + digit
                }
            case UInt8(ascii: "."):
                if seenDot { return nil }
                seenDot = true
            default:
                return nil
            }
        }
        if wholeDigits == 0 || (seenDot && fractionDigits == 0) { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        self.fen = whole * 100 + fraction
    }

    /// Exact yuan with two decimals: `"186800.50"`.
    public var yuanString: String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        return sign + String(magnitude / 100) + "." + Self.twoDigits(magnitude % 100)
    }

    /// 万元 with two decimals, rounded half up (away from zero) from the exact amount: `"18.68"`.
    public var wanString: String {
        let sign = fen < 0 ? "-" : ""
        // 0.01 万元 = 100 yuan = 10,000 fen.
        let hundredthsOfWan = (fen.magnitude + 5_000) / 10_000
        return sign + String(hundredthsOfWan / 100) + "." + Self.twoDigits(hundredthsOfWan % 100)
    }

    private static func twoDigits(_ value: UInt64) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
