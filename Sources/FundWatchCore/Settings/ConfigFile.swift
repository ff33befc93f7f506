/// A FundWatch configuration file, in a subset of TOML v1.0 that Python's `tomllib` reads
/// the same way: `[section]` tables (dotted names allowed), `key = value` lines with bare
/// keys, values that are numbers (integers or decimals, `_` between digits) or strings —
/// basic `"…"` with TOML's escapes (`\"`, `\\`, `\t`, `\n`, `\r`, `\b`, `\f`, `\uXXXX`,
/// `\UXXXXXXXX`) or literal `'…'` — and `#` comments. Anything else TOML allows (arrays,
/// booleans, dates, inline tables, quoted keys, multi-line strings) is refused with the line,
/// as are a key or a table given twice. Every problem names its line.
public struct ConfigFile: Sendable {
    /// One `key = value` line.
    public struct Entry: Sendable, Hashable {
        public var section: String
        public var key: String
        public var value: Value
        public var line: Int
    }

    public enum Value: Sendable, Hashable {
        /// A number as written, without `_` separators.
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
        var seenKeys = Set<String>(), seenSections = Set<String>()
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        for (index, rawLine) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            func problem(_ message: String) -> Problem { Problem(file: file, line: number, message: message) }
            var line = ConfigLine(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            line.skipBlanks()
            if line.atEndOrComment { continue }
            if line.take("[") {
                let name = line.read { $0 != "]" && $0 != "#" }
                guard line.take("]") else { throw problem("a table heading is written [name]") }
                let parts = name.split(separator: ".", omittingEmptySubsequences: false).map { ConfigLine.trimmed($0) }
                guard parts.allSatisfy(ConfigLine.isBareKey) else {
                    throw problem("[\(name)] is not a table name (letters, digits, _ and -, parts joined by dots)")
                }
                section = parts.joined(separator: ".")
                guard seenSections.insert(section).inserted else { throw problem("[\(section)] is given twice") }
                try line.expectEnd(problem)
                continue
            }
            let key = line.read { $0 != "=" && $0 != " " && $0 != "\t" && $0 != "#" }
            guard ConfigLine.isBareKey(key) else { throw problem("'\(key)' is not a key (letters, digits, _ and -)") }
            line.skipBlanks()
            guard line.take("=") else { throw problem("expected key = value") }
            line.skipBlanks()
            let value: Value
            if line.take("\"") {
                value = .text(try line.basicString(problem))
            } else if line.take("'") {
                let text = line.read { $0 != "'" }
                guard line.take("'") else { throw problem("unclosed quote: a literal string ends with '") }
                value = .text(text)
            } else {
                let token = line.read { $0 != " " && $0 != "\t" && $0 != "#" }
                guard let number = ConfigLine.number(token) else {
                    throw problem("value of \(key) must be a number or \"quoted text\"")
                }
                value = .number(number)
            }
            try line.expectEnd(problem)
            let full = section.isEmpty ? key : "\(section).\(key)"
            guard seenKeys.insert(full).inserted else { throw problem("\(full) is set twice") }
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
            throw Problem(
                file: file, line: entry.line, message: "\(entry.key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
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
}
