/// A value that must never appear in any report, bulletin, notice, export, log line or
/// error message — the reporter (举报人) of a case.
///
/// It is kept so that it can be stored, but it prints as a placeholder, is not
/// `Encodable`, and can only be read through ``revealedForStorage``, a name that a
/// reviewer can search for.
public struct Confidential: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    /// Wraps a confidential text.
    public init(_ value: String) { self.value = value }

    /// Whether anything was given.
    public var isEmpty: Bool { value.isEmpty }

    /// The text itself, for the store only. No output path may call this.
    public var revealedForStorage: String { value }

    public var description: String { value.isEmpty ? "" : "[confidential]" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
