/// A Mustache template compiled once and rendered many times, straight into UTF-8 bytes.
///
/// Values are looked up by names split when the template was compiled, in typed
/// ``TemplateValue``s: rendering a national report (2,800 rows per table) does no string
/// splitting and no dynamic casts per placed value.
public struct Template: Sendable {
    let tokens: [TemplateToken]

    /// Compiles `text`; throws ``TemplateSyntaxError`` naming the line of the problem.
    public init(_ text: String) throws {
        var parser = TemplateParser(text)
        tokens = try parser.parse()
    }

    /// Renders with `value` as the outermost scope; `library` supplies partials.
    public func render(_ value: TemplateValue, library: TemplateLibrary = TemplateLibrary()) -> [UInt8] {
        var renderer = TemplateRenderer(library: library, stack: [value])
        renderer.render(tokens, contentType: .html, indentation: nil)
        return renderer.out
    }

    /// Renders like ``render(_:library:)`` and says which names the template (or a partial)
    /// asked for that no scope answered — a typo in a template or a view model, which a plain
    /// render places as empty text. A name answered by an explicit null is not missing.
    public func renderReportingMissing(_ value: TemplateValue, library: TemplateLibrary = TemplateLibrary()) -> (bytes: [UInt8], missing: Set<String>)
    {
        var renderer = TemplateRenderer(library: library, stack: [value])
        renderer.missing = []
        renderer.render(tokens, contentType: .html, indentation: nil)
        return (renderer.out, renderer.missing ?? [])
    }

    /// Renders like ``render(_:library:)`` but hands the output on as it grows instead of
    /// returning it: each time at least `interval` bytes are done (at the end of a list
    /// item), and the rest at the end. `output` sees every byte once, in order, and memory
    /// holds about one `interval` of output (a national report is written to disk as it is
    /// made, and checked while the rest renders). Returns the names no scope answered, as
    /// ``renderReportingMissing(_:library:)`` does.
    @discardableResult
    public func render(
        _ value: TemplateValue, library: TemplateLibrary = TemplateLibrary(), every interval: Int,
        into output: @escaping (ArraySlice<UInt8>) throws -> Void
    ) throws -> Set<String> {
        var renderer = TemplateRenderer(library: library, stack: [value])
        renderer.progress = (interval, output)
        renderer.missing = []
        renderer.render(tokens, contentType: .html, indentation: nil)
        if let error = renderer.outputError { throw error }
        if !renderer.out.isEmpty { try output(renderer.out[...]) }
        return renderer.missing ?? []
    }
}

/// Named templates, which may include one another as partials (`{{> name}}`).
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    public init() {}

    /// Adds (or replaces) the template called `name`.
    public mutating func register(_ template: Template, named name: String) { templates[name] = template }

    /// The template called `name`.
    public func template(named name: String) -> Template? { templates[name] }

    /// Renders the template called `name`, or returns nil when there is none.
    public func render(_ name: String, _ value: TemplateValue) -> [UInt8]? {
        templates[name].map { $0.render(value, library: self) }
    }

    /// Renders the template called `name` and the names no scope answered (see
    /// ``Template/renderReportingMissing(_:library:)``), or nil when there is no such template.
    public func renderReportingMissing(_ name: String, _ value: TemplateValue) -> (bytes: [UInt8], missing: Set<String>)? {
        templates[name].map { $0.renderReportingMissing(value, library: self) }
    }

    /// Renders the template called `name` handing the output on as it grows (see
    /// ``Template/render(_:library:every:into:)``) and returns the names no scope answered;
    /// nil when there is no such template.
    public func render(
        _ name: String, _ value: TemplateValue, every interval: Int,
        into output: @escaping (ArraySlice<UInt8>) throws -> Void
    ) throws -> Set<String>? {
        guard let template = templates[name] else { return nil }
        return try template.render(value, library: self, every: interval, into: output)
    }
}

/// One rendering: the output so far and the stack of scopes.
struct TemplateRenderer {
    let library: TemplateLibrary
    var stack: [TemplateValue]
    var out: [UInt8] = []
    /// Who takes the output as it grows, and how often (bytes); what it took is dropped.
    var progress: (interval: Int, output: (ArraySlice<UInt8>) throws -> Void)?
    /// The first error the output raised; rendering stops handing on after it.
    var outputError: Error?
    /// Inside an indented partial, bytes already written may still change: nothing is handed on.
    var indentedPartials = 0
    /// Names looked up and found nowhere, when recording (nil: not recorded).
    var missing: Set<String>?

    init(library: TemplateLibrary, stack: [TemplateValue]) {
        self.library = library
        self.stack = stack
        out.reserveCapacity(1 << 16)
    }

    /// Renders `tokens`; with `indentation` (a standalone partial) every line it starts is indented.
    mutating func render(_ tokens: [TemplateToken], contentType: ContentType, indentation: [UInt8]?) {
        var contentType = contentType
        let start = out.count
        for token in tokens {
            let before = out.count
            switch token {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                place(lookup(name), escapedAs: escaped ? contentType : .text)
            case .section(let name, let body, let inverted):
                let value = lookup(name)
                if inverted {
                    if !value.isTruthy { render(body, contentType: contentType, indentation: nil) }
                } else {
                    section(value, body, contentType: contentType)
                }
            case .partial(let name, let ownIndentation):
                if let partial = library.template(named: name) {
                    let combined = (indentation ?? []) + (ownIndentation ?? [])
                    let indented = ownIndentation == nil ? indentation : combined
                    if indented != nil { indentedPartials += 1 }
                    render(partial.tokens, contentType: contentType, indentation: indented)
                    if indented != nil { indentedPartials -= 1 }
                }
            case .contentType(let type):
                contentType = type
            }
            // A partial's lines after its first are indented like the tag's line.
            if let indentation, !indentation.isEmpty, out.count > before, before > start, out[before - 1] == 0x0A {
                out.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private mutating func section(_ value: TemplateValue, _ body: [TemplateToken], contentType: ContentType) {
        switch value {
        case .flag(let flag):
            if flag { render(body, contentType: contentType, indentation: nil) }
        case .null:
            break
        case .list(let list):
            list.forEach { item in
                stack.append(item)
                render(body, contentType: contentType, indentation: nil)
                stack.removeLast()
                if let progress, indentedPartials == 0, outputError == nil, out.count >= progress.interval {
                    do { try progress.output(out[...]) } catch { outputError = error }
                    out.removeAll(keepingCapacity: true)
                }
            }
        case .text, .number, .object:
            stack.append(value)
            render(body, contentType: contentType, indentation: nil)
            stack.removeLast()
        }
    }

    private mutating func place(_ value: TemplateValue, escapedAs contentType: ContentType) {
        switch value {
        case .text(let text): contentType.append(text, to: &out)
        case .number(let number): out.append(contentsOf: String(number).utf8)
        case .flag(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null, .list, .object: break
        }
    }

    /// Mustache lookup: `.` is the current value; the first part of a name is looked for
    /// from the innermost scope outwards (only in the current one when anchored), the
    /// other parts inside what it found. Nothing found is ``TemplateValue/null``.
    private mutating func lookup(_ name: TemplateName) -> TemplateValue {
        let value = find(name)
        if value == nil, missing != nil { missing?.insert((name.anchored ? "." : "") + name.parts.map(\.name).joined(separator: ".")) }
        return value ?? .null
    }

    private func find(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last ?? .null }
        var found: TemplateValue?
        if name.anchored {
            found = stack.last.flatMap { Self.child(first, of: $0) }
        } else {
            var index = stack.count - 1
            while index >= 0 {
                if let value = Self.child(first, of: stack[index]) {
                    found = value
                    break
                }
                index -= 1
            }
        }
        guard var value = found else { return nil }
        for part in name.parts.dropFirst() {
            guard let next = Self.child(part, of: value) else { return nil }
            value = next
        }
        return value
    }

    private static func child(_ key: TemplateKey, of value: TemplateValue) -> TemplateValue? {
        if case .object(let object) = value { return object.value(for: key) }
        return nil
    }
}
