/// A code of FORMAT.md that has a Chinese label; input may use either, reports show the label.
public protocol LabelledCode: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The Chinese label, e.g. `公立医院`.
    var label: String { get }
    /// Every code and label as UTF-8, made once per type (`static let table = CodeTable<Self>()`).
    static var table: CodeTable<Self> { get }
}

/// The codes and labels of a ``LabelledCode`` type as UTF-8 bytes, so readers match what a
/// county typed without making a string of it. (Inlinable, so that it is specialised for
/// each code type where it is used.)
public struct CodeTable<Code: LabelledCode>: Sendable {
    /// Every code, then every label, one after another.
    @usableFromInline let bytes: [UInt8]
    /// Where each entry ends in `bytes`.
    @usableFromInline let ends: [Int]
    /// The code of each entry.
    @usableFromInline let codes: [Code]
    /// Entries before this index are codes, the rest labels.
    @usableFromInline let labelsStart: Int

    public init() {
        let all = Array(Code.allCases)
        var bytes: [UInt8] = [], ends: [Int] = []
        for text in all.map(\.rawValue) + all.map(\.label) {
            bytes += Array(text.utf8)
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
        self.codes = all + all
        self.labelsStart = all.count
    }

    /// The code whose code (or, with `labels`, whose label) is exactly `text`.
    @inlinable
    public func match(_ text: UnsafeBufferPointer<UInt8>, labels: Bool = true) -> Code? {
        bytes.withUnsafeBufferPointer { all in
            let count = labels ? ends.count : labelsStart
            var start = 0
            for entry in 0..<count {
                let end = ends[entry]
                if end - start == text.count && UnsafeBufferPointer(rebasing: all[start..<end]).elementsEqual(text) {
                    return codes[entry]
                }
                start = end
            }
            return nil
        }
    }

    /// Each `;`-separated part of `text`, trimmed with `trim`, as a code, or as the text of
    /// a part that is none (`(空)` for an empty one); a code listed twice is kept once.
    @inlinable
    public func list(
        _ text: UnsafeBufferPointer<UInt8>, labels: Bool = true,
        trim: (UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> = { $0 }
    ) -> (codes: [Code], unknown: [String]) {
        var found: [Code] = [], unknown: [String] = []
        var start = 0
        for end in 0...text.count where end == text.count || text[end] == 0x3B {
            let part = trim(UnsafeBufferPointer(rebasing: text[start..<end]))
            if let code = match(part, labels: labels) {
                if !found.contains(code) { found.append(code) }
            } else {
                unknown.append(part.isEmpty ? "(空)" : String(decoding: part, as: UTF8.self))
            }
            start = end + 1
        }
        return (found, unknown)
    }
}

extension LabelledCode {
    /// The code as written in files, e.g. `public_hospital`.
    public var code: String { rawValue }

    /// Accepts the code or its Chinese label, exactly (surrounding spaces are the reader's concern).
    @inlinable
    public init?(codeOrLabel text: String) {
        var text = text
        guard let code = text.withUTF8({ Self.table.match($0) }) else { return nil }
        self = code
    }

    /// Every label and code, for an error's "expected" text: `公立医院 public_hospital · …`.
    public static var expectedList: String {
        allCases.map { "\($0.label) \($0.code)" }.joined(separator: " · ")
    }
}
