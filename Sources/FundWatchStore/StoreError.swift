/// A store problem, typed so a caller can tell what to do: ask for something else (not
/// found), try again later or call the administrator (unavailable), or retry (conflict).
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// What was asked for is not stored (a version id, say).
        case notFound
        /// The store cannot be reached or opened, or a wait for it timed out.
        case unavailable
        /// Another writer got there first (a unique key, a serialisation failure): retrying may succeed.
        case conflict
        /// The store holds rows FundWatch cannot read (edited by hand, or a newer schema).
        case damaged
    }

    public var kind: Kind
    /// What went wrong, for a clerk or an administrator; never a password.
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    public static func notFound(_ description: String) -> StoreError { StoreError(.notFound, description) }
    public static func unavailable(_ description: String) -> StoreError { StoreError(.unavailable, description) }
    public static func conflict(_ description: String) -> StoreError { StoreError(.conflict, description) }
    public static func damaged(_ description: String) -> StoreError { StoreError(.damaged, description) }
}
