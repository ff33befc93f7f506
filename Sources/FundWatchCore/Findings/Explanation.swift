/// A clerk's 说明 of a plausibility warning (核实性审核): the warning it answers, named by its
/// rule and key (`plausibility.row.missing` and `2026-019`), or by its rule and ``everyKey``
/// for one explanation of every warning of that rule; the text; who wrote it and when.
///
/// A warning is explained by the latest explanation naming its rule and key, else by the
/// latest naming its rule and ``everyKey``. Back-dated rows of both registers in one month
/// share a key (the month) and so one explanation: they restate the same month.
public struct Explanation: Sendable, Hashable {
    /// The key that stands for every warning of a rule.
    public static let everyKey = "*"
    /// The longest explanation kept, in characters.
    public static let maxLength = 2_000

    public var rule: String
    public var key: String
    public var text: String
    /// The user who wrote it; empty before it is stored.
    public var actor: String
    /// Seconds since 1970; 0 before it is stored.
    public var at: Int64

    public init(rule: String, key: String, text: String, actor: String = "", at: Int64 = 0) {
        self.rule = Self.trimmed(rule)
        self.key = Self.trimmed(key)
        self.text = Self.trimmed(text)
        self.actor = actor
        self.at = at
    }

    /// `text` without leading and trailing white space (full-width spaces too).
    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    /// Whether this explanation answers `warning`.
    public func covers(_ warning: Finding) -> Bool {
        warning.rule == rule && (key == Self.everyKey || warning.key == key)
    }

    /// The explanation of `warning` among `explanations` (oldest first): the latest naming its
    /// key, else the latest naming every key of its rule; nil when it is unexplained.
    public static func of(_ warning: Finding, in explanations: [Explanation]) -> Explanation? {
        explanations.last { $0.rule == warning.rule && $0.key == warning.key && $0.key != everyKey }
            ?? explanations.last { $0.rule == warning.rule && $0.key == everyKey }
    }
}

extension Finding {
    /// Whether this finding is a plausibility warning (核实性审核), which the clerk explains.
    public var asksForExplanation: Bool { severity == .warning && Rule.plausibility.contains { $0.id == rule } }
}

/// A plausibility warning with its explanation, if it has one.
public struct ExplainedWarning: Sendable, Hashable {
    public var warning: Finding
    public var explanation: Explanation?

    public init(warning: Finding, explanation: Explanation?) {
        self.warning = warning
        self.explanation = explanation
    }

    /// Every warning of `warnings` with its explanation among `explanations` (oldest first).
    public static func pair(_ warnings: [Finding], with explanations: [Explanation]) -> [ExplainedWarning] {
        warnings.map { ExplainedWarning(warning: $0, explanation: Explanation.of($0, in: explanations)) }
    }
}
