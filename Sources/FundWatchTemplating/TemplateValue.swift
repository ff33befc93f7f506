/// A value a template places (`{{name}}`) or tests (`{{#name}}…{{/name}}`).
///
/// View models are typed: structs conforming to ``TemplateModel`` (their stored properties
/// are the names), and for row-heavy parts of a document ``TemplateObject`` and
/// ``TemplateList`` implementations, which answer without any dynamic cast. `[String: Any]`
/// dictionaries are accepted by ``init(any:)`` for data that is untyped by nature (the
/// Mustache specification's JSON tests); FundWatch's pages and documents never use them.
public enum TemplateValue {
    /// Text, escaped for the document's content type when placed with `{{name}}`.
    case text(String)
    /// A whole number, placed as its decimal digits; a section over it renders once.
    case number(Int)
    /// A flag: a section renders when true, an inverted section when false; placed as `true` / `false`.
    case flag(Bool)
    /// A list: a section renders once per item, an inverted section when it is empty.
    case list(any TemplateList)
    /// Named values: a section over it renders once with its names in scope.
    case object(any TemplateObject)
    /// Nothing: placed as empty text; only an inverted section renders.
    case null

    /// Whether a section over the value renders (an inverted section renders when it does not).
    var isTruthy: Bool {
        switch self {
        case .flag(let flag): flag
        case .list(let list): !list.isEmpty
        case .null: false
        case .text, .number, .object: true
        }
    }
}

/// Named values in a template's scope: a row, a cell, a document.
public protocol TemplateObject {
    /// The value called `name`, or nil when this object has none (the name is then looked
    /// up in the enclosing scopes, as Mustache does).
    func value(named name: String) -> TemplateValue?
    /// The same by interned key; objects met once per cell of a national table answer this
    /// one (integer comparisons). By default it asks ``value(named:)``.
    func value(for key: TemplateKey) -> TemplateValue?
}

extension TemplateObject {
    public func value(for key: TemplateKey) -> TemplateValue? { value(named: key.name) }
}

/// A list a section walks; it may make its items one at a time while rendering.
public protocol TemplateList {
    var isEmpty: Bool { get }
    /// Calls `body` with each item in order.
    func forEach(_ body: (TemplateValue) -> Void)
}

extension TemplateValue {
    /// The value of a loosely typed view model entry: `String`, `Int`, `Bool`,
    /// `[String: Any]` (an object), arrays (a list), ``TemplateValue``, ``TemplateObject``,
    /// ``TemplateList``; nil and an empty optional are ``null``; anything else is placed as
    /// its description.
    public init(any value: Any?) {
        guard let value else {
            self = .null
            return
        }
        switch value {
        case let v as TemplateValue: self = v
        case let v as String: self = .text(v)
        case let v as Bool: self = .flag(v)
        case let v as Int: self = .number(v)
        case let v as [String: Any]: self = .object(DictionaryObject(values: v))
        case let v as [Any]: self = .list(AnyArray(items: v))
        case let v as any TemplateObject: self = .object(v)
        case let v as any TemplateList: self = .list(v)
        case let v as any OptionalValue: self = TemplateValue(any: v.wrappedAny)
        default: self = .text(String(describing: value))
        }
    }
}

/// `[String: Any]` as named values.
struct DictionaryObject: TemplateObject {
    let values: [String: Any]
    func value(named name: String) -> TemplateValue? {
        guard let entry = values[name] else { return nil }
        return TemplateValue(any: entry)
    }
}

/// `[Any]` as a list, each item converted as it is reached.
struct AnyArray: TemplateList {
    let items: [Any]
    var isEmpty: Bool { items.isEmpty }
    func forEach(_ body: (TemplateValue) -> Void) { for item in items { body(TemplateValue(any: item)) } }
}

/// Lets ``TemplateValue/init(any:)`` see through an optional boxed in `Any`.
protocol OptionalValue { var wrappedAny: Any? { get } }
extension Optional: OptionalValue {
    var wrappedAny: Any? { self.map { $0 as Any } }
}
