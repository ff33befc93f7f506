/// A county's 6-digit administrative division code (行政区划代码), such as `990201`: the one
/// check of what a county code looks like. Every edge — a return's header, a URL, a form, an
/// API parameter, a list, the configuration — parses its text through ``init(_:)`` once; the
/// code then travels as its text.
public struct CountyCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The six digits.
    public let text: String

    /// The code `text` spells, or nil unless it is exactly six ASCII digits.
    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 6, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        self.text = String(text)
    }

    /// A city-level code: one ending in `00` (市本级).
    public var isCityLevel: Bool { text.hasSuffix("00") }

    public var description: String { text }

    public static func < (lhs: CountyCode, rhs: CountyCode) -> Bool { lhs.text < rhs.text }
}

extension Character {
    /// `0`…`9` only (not other scripts' digits).
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
