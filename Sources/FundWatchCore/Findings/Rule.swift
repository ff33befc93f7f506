/// A validation rule of FORMAT.md (or of the readers' limits), with its stable id and
/// the text a clerk reads.
public struct Rule: Sendable, Hashable {
    /// Stable identifier, e.g. `cases.closed_on.order`.
    public let id: String
    public let severity: Severity
    /// What is wrong, in Chinese.
    public let message: String
    /// What is wrong, in English.
    public let messageEN: String
    /// What is expected, in both languages where it helps.
    public let expected: String

    public init(_ id: String, _ message: String, _ messageEN: String, expected: String, severity: Severity = .error) {
        self.id = id
        self.severity = severity
        self.message = message
        self.messageEN = messageEN
        self.expected = expected
    }
}
