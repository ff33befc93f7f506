/// Why the return cycle will not do what was asked: one of its rules, not a fault. Typed by
/// what it means, never by a transport's status code; each front door maps ``Kind`` once (the
/// portal to an HTTP status in its error middleware, the command line to an exit status).
public struct Refusal: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// What was asked about does not exist: no return for the month, no such user.
        case notFound
        /// The state moved on: another version became current, someone reviewed first, the
        /// month is locked.
        case conflict
        /// The request itself is wrong: no reason for a return, a bad name or password.
        case invalid
        /// The caller may not see or change this county's data.
        case outOfScope
    }

    public var kind: Kind
    /// What to tell the person, in Chinese first.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
