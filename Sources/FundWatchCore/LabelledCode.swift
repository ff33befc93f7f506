/// A code of FORMAT.md that has a Chinese label; input may use either, reports show the label.
public protocol LabelledCode: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The Chinese label, e.g. `公立医院`.
    var label: String { get }
}

extension LabelledCode {
    /// The code as written in files, e.g. `public_hospital`.
    public var code: String { rawValue }

    /// Accepts the code or its Chinese label, exactly (surrounding spaces are the reader's concern).
    @inlinable
    public init?(codeOrLabel text: String) {
        if let byCode = Self(rawValue: text) {
            self = byCode
            return
        }
        guard let byLabel = Self.allCases.first(where: { $0.label == text }) else { return nil }
        self = byLabel
    }

    /// Every code and label, for an error's "expected" text: `public_hospital 公立医院 · …`.
    public static var expectedList: String {
        allCases.map { "\($0.code) \($0.label)" }.joined(separator: " · ")
    }
}
