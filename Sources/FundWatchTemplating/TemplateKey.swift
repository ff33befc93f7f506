import Foundation
import Synchronization

/// A name a template uses, interned: every `TemplateKey("display")` is the same small
/// number, so an object can answer a key with integer comparisons instead of comparing
/// strings. Names are interned when templates are compiled and when objects declare their
/// keys (`static let display = TemplateKey("display")`).
public struct TemplateKey: Hashable, Sendable {
    /// The interned number.
    public let id: Int
    /// The name as written.
    public let name: String

    public init(_ name: String) {
        self.name = name
        id = Self.interned.id(of: name)
    }

    public static func == (a: TemplateKey, b: TemplateKey) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    private static let interned = InternTable()
}

/// Names to numbers, shared by every thread that compiles templates.
private final class InternTable: Sendable {
    private let ids = Mutex<[String: Int]>([:])

    func id(of name: String) -> Int {
        ids.withLock { ids in
            if let id = ids[name] { return id }
            let id = ids.count
            ids[name] = id
            return id
        }
    }
}
