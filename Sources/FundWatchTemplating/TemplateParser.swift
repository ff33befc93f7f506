/// A template that cannot be compiled, with where the problem is.
public struct TemplateSyntaxError: Error, CustomStringConvertible, Sendable {
    public var line: Int
    public var problem: String
    public var description: String { "line \(line): \(problem)" }
}

/// Compiles Mustache text into tokens.
///
/// Follows the Mustache specification, including its rule for standalone lines: a line
/// holding only white space and one section, inverted, closing, comment, partial, pragma or
/// delimiter tag leaves no trace in the output. Where the specification leaves room it does
/// what swift-mustache 2 does, so templates written for either render the same.
/// Not supported, and refused with an error: transforms `{{f(x)}}`, lambdas, blocks and
/// parents (`{{$…}}`, `{{<…}}`), dynamic partials.
struct TemplateParser {
    private let chars: [Character]
    private var pos = 0

    init(_ text: String) { chars = Array(text) }

    private struct State {
        var sectionName: String?
        /// Where the open section's tag starts, for an error.
        var sectionStart = 0
        var newLine = true
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
    }

    /// Compiles the whole text.
    mutating func parse() throws -> [TemplateToken] {
        try parse(state: State())
    }

    private var atEnd: Bool { pos >= chars.count }
    private var current: Character { atEnd ? "\0" : chars[pos] }

    private func error(_ problem: String, at position: Int? = nil) -> TemplateSyntaxError {
        let end = min(position ?? pos, chars.count)
        return TemplateSyntaxError(line: 1 + chars[..<end].reduce(0) { $1.isNewline ? $0 + 1 : $0 }, problem: problem)
    }

    @discardableResult
    private mutating func read(while accept: (Character) -> Bool) -> String {
        let start = pos
        while !atEnd && accept(chars[pos]) { pos += 1 }
        return String(chars[start..<pos])
    }

    /// Reads `expected` if it comes next.
    private mutating func read(_ expected: [Character]) throws -> Bool {
        guard pos + expected.count <= chars.count else { throw error("the template ends inside a tag") }
        guard Array(chars[pos..<pos + expected.count]) == expected else { return false }
        pos += expected.count
        return true
    }

    private static func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" }

    private mutating func parse(state initial: State) throws -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var state = initial
        var whiteSpaceBefore = ""
        func text(_ s: String) -> TemplateToken { .text(Array(s.utf8)) }
        while !atEnd {
            if state.newLine { whiteSpaceBefore = read(while: Self.isBlank) }
            let text = try readUntilTagOrNewline(state)
            if current.isNewline {
                tokens.append(.text(Array((whiteSpaceBefore + text + String(current)).utf8)))
                state.newLine = true
                pos += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(Array((whiteSpaceBefore + text).utf8)))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            let tagStart = pos
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                pos += 1
                let name = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(Array(whiteSpaceBefore.utf8)))
                    whiteSpaceBefore = ""
                }
                var inner = state
                inner.sectionName = name
                inner.sectionStart = tagStart
                if !setNewLine { inner.newLine = false }
                let body = try parse(state: inner)
                tokens.append(.section(TemplateName(name), body, inverted: inverted))
            case "/":
                pos += 1
                let name = try parseName(state)
                guard name == state.sectionName else {
                    throw error(
                        state.sectionName.map { "{{/\(name)}} closes a section, but the open one is {{#\($0)}}" }
                            ?? "{{/\(name)}} closes a section that was never opened", at: tagStart)
                }
                if !isStandalone(state) && !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(Array(whiteSpaceBefore.utf8)))
                }
                return tokens
            case "!":
                pos += 1
                while !(try read(state.close)) { pos += 1 }
                setNewLine = isStandalone(state)
            case "{", "&":
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(Array(whiteSpaceBefore.utf8)))
                    whiteSpaceBefore = ""
                }
                let triple = current == "{"
                pos += 1
                let name = try parseName(state)
                if try triple && !read(["}"]) { throw error("{{{\(name)}} is missing its third closing brace", at: tagStart) }
                tokens.append(.variable(TemplateName(name), escaped: false))
            case ">":
                pos += 1
                read(while: \.isWhitespace)
                if current == "*" { throw error("dynamic partials {{>*name}} are not supported", at: tagStart) }
                let name = read(while: { $0.isLetter || $0.isNumber || "._-/?".contains($0) })
                read(while: \.isWhitespace)
                guard try read(state.close) else { throw error("the partial tag is not closed", at: tagStart) }
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(Array(whiteSpaceBefore.utf8))) }
                if isStandalone(state) {
                    setNewLine = true
                    tokens.append(.partial(name, indentation: Array(whiteSpaceBefore.utf8)))
                } else {
                    tokens.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "=":
                pos += 1
                read(while: \.isWhitespace)
                let open = read(while: { !$0.isWhitespace && $0 != "=" })
                read(while: \.isWhitespace)
                let close = read(while: { !$0.isWhitespace && $0 != "=" })
                read(while: \.isWhitespace)
                guard !open.isEmpty, !close.isEmpty, try read(["="]), try read(state.close) else {
                    throw error("a delimiter tag reads {{=<% %>=}}", at: tagStart)
                }
                state.open = Array(open)
                state.close = Array(close)
                setNewLine = isStandalone(state)
            case "%":
                pos += 1
                read(while: \.isWhitespace)
                let variable = read(while: Self.isNameCharacter)
                read(while: \.isWhitespace)
                guard try read([":"]) else { throw error("a pragma reads {{% CONTENT_TYPE: HTML}}", at: tagStart) }
                read(while: \.isWhitespace)
                let value = read(while: Self.isNameCharacter)
                read(while: \.isWhitespace)
                guard try read(state.close) else { throw error("a pragma reads {{% CONTENT_TYPE: HTML}}", at: tagStart) }
                guard variable == "CONTENT_TYPE" else { throw error("unknown pragma \(variable); only CONTENT_TYPE is known", at: tagStart) }
                guard let type = ContentType(rawValue: value) else {
                    throw error("unknown content type \(value); one of " + ContentType.allCases.map(\.rawValue).joined(separator: ", "), at: tagStart)
                }
                tokens.append(.contentType(type))
                setNewLine = isStandalone(state)
            case "$", "<":
                throw error("blocks and parents ({{$name}}, {{<name}}) are not supported", at: tagStart)
            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(Array(whiteSpaceBefore.utf8)))
                    whiteSpaceBefore = ""
                }
                let name = try parseName(state)
                tokens.append(.variable(TemplateName(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw error("{{#\(open)}} is never closed with {{/\(open)}}", at: state.sectionStart) }
        return tokens
    }

    /// Reads text up to a line break (not consumed) or an opening delimiter (consumed).
    private mutating func readUntilTagOrNewline(_ state: State) throws -> String {
        var text = ""
        let first = state.open[0]
        while !atEnd {
            let start = pos
            while !atEnd && chars[pos] != "\n" && chars[pos] != "\r\n" && chars[pos] != first { pos += 1 }
            text += String(chars[start..<pos])
            if atEnd || current.isNewline { break }
            if try read(state.open) { break }
            text.append(first)
            pos += 1
        }
        return text
    }

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-" || c == "_" || c == "?" || c == "*")
    }

    private mutating func parseName(_ state: State) throws -> String {
        let tagStart = pos
        read(while: \.isWhitespace)
        let name = read(while: { Self.isNameCharacter($0) || $0 == "(" || $0 == ")" })
        read(while: \.isWhitespace)
        guard try read(state.close) else {
            throw error("a tag is not closed with \(String(state.close)), or its name has a character names cannot have", at: tagStart)
        }
        if name.contains("(") { throw error("transforms such as {{\(name)}} are not supported", at: tagStart) }
        if name.isEmpty { throw error("a tag has no name", at: tagStart) }
        return name
    }

    /// At the start of a line, after the tag: only blanks up to the line break (consumed)
    /// or the end of the template.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = pos
        while probe < chars.count && Self.isBlank(chars[probe]) { probe += 1 }
        if probe < chars.count && chars[probe].isNewline {
            pos = probe + 1
            return true
        }
        return false
    }
}
