/// One line of a configuration file, read character by character (``ConfigFile``).
struct ConfigLine {
    private var rest: Substring

    init(_ line: Substring) { rest = line }

    var atEndOrComment: Bool { rest.isEmpty || rest.first == "#" }

    mutating func skipBlanks() {
        while let c = rest.first, c == " " || c == "\t" { rest.removeFirst() }
    }

    /// Reads `c` if it comes next.
    mutating func take(_ c: Character) -> Bool {
        guard rest.first == c else { return false }
        rest.removeFirst()
        return true
    }

    /// Reads characters while `accept` holds.
    mutating func read(while accept: (Character) -> Bool) -> String {
        let end = rest.firstIndex { !accept($0) } ?? rest.endIndex
        defer { rest = rest[end...] }
        return String(rest[..<end])
    }

    /// Only blanks and a comment may follow a value or a heading.
    mutating func expectEnd(_ problem: (String) -> ConfigFile.Problem) throws(ConfigFile.Problem) {
        skipBlanks()
        guard atEndOrComment else { throw problem("unexpected text after the value: \(rest)") }
    }

    /// The rest of a basic string (after its opening quote) up to its closing quote, escapes
    /// replaced as TOML defines them.
    mutating func basicString(_ problem: (String) -> ConfigFile.Problem) throws(ConfigFile.Problem) -> String {
        var out = ""
        while let c = rest.first {
            rest.removeFirst()
            switch c {
            case "\"": return out
            case "\\":
                guard let e = rest.first else { break }
                rest.removeFirst()
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "b": out.append("\u{8}")
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "f": out.append("\u{C}")
                case "r": out.append("\r")
                case "u", "U":
                    let count = e == "u" ? 4 : 8
                    let digits = String(rest.prefix(count))
                    guard digits.count == count, digits.allSatisfy(\.isHexDigit), let code = UInt32(digits, radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else {
                        throw problem("\\\(e) must be followed by \(count) hex digits of a Unicode scalar")
                    }
                    rest = rest.dropFirst(count)
                    out.unicodeScalars.append(scalar)
                default: throw problem("\\\(e) is not an escape (use \\\\, \\\", \\t, \\n, \\r, \\b, \\f, \\uXXXX or \\UXXXXXXXX)")
                }
            default:
                if c != "\t", let ascii = c.asciiValue, ascii < 0x20 || ascii == 0x7F {
                    throw problem("a control character inside quotes must be escaped")
                }
                out.append(c)
            }
        }
        throw problem("unclosed quote: a string ends with an unescaped \"")
    }

    /// TOML's bare keys: letters A–Z and a–z, digits, `_` and `-`.
    static func isBareKey(_ key: String) -> Bool {
        !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
            }
    }

    /// A non-negative TOML integer or decimal (`7`, `100000.00`, `1_000`), without its `_`
    /// separators; nil for anything else (TOML forbids leading zeros and a bare `.`).
    static func number(_ token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy(Self.isDigitGroup) else { return nil }
        let whole = parts[0]
        guard whole == "0" || whole.first != "0" else { return nil }
        return token.replacingUnderscores
    }

    /// Digits, with single `_` only between digits.
    private static func isDigitGroup(_ s: Substring) -> Bool {
        guard let first = s.first, let last = s.last, first.isASCIIDigit, last.isASCIIDigit else { return false }
        var previousUnderscore = false
        for c in s {
            if c == "_" {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else if c.isASCIIDigit {
                previousUnderscore = false
            } else {
                return false
            }
        }
        return true
    }

    static func trimmed(_ s: Substring) -> String {
        var t = s
        while let f = t.first, f == " " || f == "\t" { t.removeFirst() }
        while let l = t.last, l == " " || l == "\t" { t.removeLast() }
        return String(t)
    }
}

extension String {
    fileprivate var replacingUnderscores: String { String(filter { $0 != "_" }) }
}
