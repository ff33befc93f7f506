/// A FundWatch configuration file: `[section]` headings and `key = value` lines, `#`
/// comments, values as numbers or "quoted text" — a small subset of TOML. Every problem
/// names its line.
public struct ConfigFile: Sendable {
    /// One `key = value` line.
    public struct Entry: Sendable, Hashable {
        public var section: String
        public var key: String
        public var value: Value
        public var line: Int
    }

    public enum Value: Sendable, Hashable {
        case number(String)
        case text(String)

        public var raw: String {
            switch self {
            case .number(let s), .text(let s): s
            }
        }
    }

    /// A configuration problem, with the file's line.
    public struct Problem: Error, Sendable, CustomStringConvertible, Equatable {
        public var file: String
        public var line: Int
        public var message: String

        public init(file: String, line: Int, message: String) {
            self.file = file
            self.line = line
            self.message = message
        }

        public var description: String { "\(file):\(line): \(message)" }
    }

    public var file: String
    public var entries: [Entry]

    /// Parses the text of a configuration file called `file` (for messages).
    public init(text: String, file: String) throws(Problem) {
        self.file = file
        var entries: [Entry] = []
        var section = ""
        var seen = Set<String>()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = Self.stripComment(String(rawLine)).trimmingSpaces
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else { throw Problem(file: file, line: number, message: "a section heading is written [name]") }
                section = String(line.dropFirst().dropLast()).trimmingSpaces
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                throw Problem(file: file, line: number, message: "expected key = value")
            }
            let key = String(line[..<eq]).trimmingSpaces
            let rawValue = String(line[line.index(after: eq)...]).trimmingSpaces
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw Problem(file: file, line: number, message: "'\(key)' is not a key (letters, digits and _)")
            }
            let value: Value
            if rawValue.hasPrefix("\"") {
                guard rawValue.count >= 2, rawValue.hasSuffix("\"") else { throw Problem(file: file, line: number, message: "unclosed quote") }
                value = .text(String(rawValue.dropFirst().dropLast()).replacingEscapes)
            } else if !rawValue.isEmpty, rawValue.allSatisfy({ $0.isNumber || $0 == "." }) {
                value = .number(rawValue)
            } else {
                throw Problem(file: file, line: number, message: "value of \(key) must be a number or \"quoted text\"")
            }
            let full = section.isEmpty ? key : "\(section).\(key)"
            guard seen.insert(full).inserted else { throw Problem(file: file, line: number, message: "\(full) is set twice") }
            entries.append(Entry(section: section, key: key, value: value, line: number))
        }
        self.entries = entries
    }

    /// An empty configuration: every default applies.
    public init() {
        file = "(defaults)"
        entries = []
    }

    /// The entries of a section, in file order.
    public func section(_ name: String) -> [Entry] { entries.filter { $0.section == name } }

    /// Sections used in the file.
    public var sections: [String] {
        var out: [String] = []
        for e in entries where !out.contains(e.section) { out.append(e.section) }
        return out
    }

    /// A whole number from an entry, within `range`.
    public func integer(_ entry: Entry, in range: ClosedRange<Int>) throws(Problem) -> Int {
        guard case .number(let text) = entry.value, let n = Int(text), range.contains(n) else {
            throw Problem(file: file, line: entry.line, message: "\(entry.key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// An amount of yuan from an entry.
    public func money(_ entry: Entry) throws(Problem) -> Money {
        guard case .number(let text) = entry.value, let m = Money(yuan: text) else {
            throw Problem(file: file, line: entry.line, message: "\(entry.key) must be an amount of yuan, e.g. 100000.00")
        }
        return m
    }

    /// Text from an entry.
    public func text(_ entry: Entry) throws(Problem) -> String {
        guard case .text(let s) = entry.value else {
            throw Problem(file: file, line: entry.line, message: "\(entry.key) must be \"quoted text\"")
        }
        return s
    }

    /// A problem about `entry`.
    public func problem(_ entry: Entry, _ message: String) -> Problem { Problem(file: file, line: entry.line, message: message) }

    private static func stripComment(_ line: String) -> String {
        var inQuotes = false
        var out = ""
        for c in line {
            if c == "\"" { inQuotes.toggle() }
            if c == "#" && !inQuotes { break }
            out.append(c)
        }
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\u{FEFF}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }

    var replacingEscapes: String {
        var out = ""
        var escaping = false
        for c in self {
            if escaping {
                out.append(c == "n" ? "\n" : c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
