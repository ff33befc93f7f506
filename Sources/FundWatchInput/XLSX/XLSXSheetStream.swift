import FundWatchXML

/// One cell as a sheet stores it, before it means anything.
struct XLSXCell {
    enum Kind: Equatable {
        /// `s`: an index into the shared strings.
        case shared
        /// `inlineStr` (text in `<is>`) or `str` (a formula's text result).
        case inline, formulaText
        /// `n` or no type: a number as stored text.
        case number
        case boolean
        /// `e`: an error value such as `#N/A`.
        case error
        /// `d`: an ISO 8601 date or date-time as text.
        case isoDate
    }

    var column: Int
    var kind: Kind
    var style: Int
    var hasFormula: Bool
    /// Whether the cell has a stored value (`<v>`): a formula cell saved by Excel, WPS or
    /// LibreOffice has the value it computed; one written by a program that computes
    /// nothing (openpyxl) has none.
    var hasValue: Bool
    /// The `<v>` text, or the inline string.
    var raw: String

    /// A formula nothing has computed yet: no `<v>`, or an empty one where a number belongs
    /// (openpyxl writes `<f>…</f><v></v>`). A text formula may well have computed "".
    var isUncomputedFormula: Bool {
        hasFormula && (!hasValue || (kind == .number && raw.allSatisfy(\.isWhitespace)))
    }
}

/// Streams the rows of a worksheet part, one `<row>` at a time, to a closure: the sheet
/// is never held whole. Rows and cells without an `r` attribute follow the previous one.
final class XLSXSheetStream: XLSXBoundedHandler {
    /// The most rows a sheet may have, and the widest a row is read (cells further right are ignored).
    static let maxRows = 1_000_000
    static let maxColumns = 256

    private let onRow: (Int, [XLSXCell]) -> Void
    private var row = 0, rowsSeen = 0
    private var cells: [XLSXCell] = []
    private var cell: XLSXCell?
    private var lastColumn = -1
    private var capturing = false, phonetic = 0
    private var buffer: [UInt8] = []
    private(set) var overLimit = false

    init(onRow: @escaping (Int, [XLSXCell]) -> Void) { self.onRow = onRow }

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            rowsSeen += 1
            if rowsSeen > Self.maxRows { overLimit = true }
            row = attributes["r"].flatMap { Int($0) } ?? row + 1
            cells.removeAll(keepingCapacity: true)
            lastColumn = -1
        case "c":
            let column = attributes["r"].flatMap { CellReference.parse($0)?.column } ?? lastColumn + 1
            lastColumn = column
            let kind: XLSXCell.Kind =
                switch attributes["t"] ?? "n" {
                case "s": .shared
                case "inlineStr": .inline
                case "str": .formulaText
                case "b": .boolean
                case "e": .error
                case "d": .isoDate
                default: .number
                }
            cell = XLSXCell(column: column, kind: kind, style: Int(attributes["s"] ?? "0") ?? 0, hasFormula: false, hasValue: false, raw: "")
            buffer.removeAll(keepingCapacity: true)
        case "f": cell?.hasFormula = true
        case "v":
            capturing = cell != nil
            cell?.hasValue = true
        case "rPh": phonetic += 1
        case "t": capturing = cell?.kind == .inline && phonetic == 0
        default: break
        }
    }

    func end(_ name: String) {
        switch name {
        case "v", "t": capturing = false
        case "rPh": phonetic -= 1
        case "c":
            if var done = cell, done.column < Self.maxColumns {
                done.raw = String(decoding: buffer, as: UTF8.self)
                if done.kind == .inline || done.kind == .formulaText { done.raw = XLSXText.unescape(done.raw) }
                cells.append(done)
            }
            cell = nil
        case "row":
            if !overLimit { onRow(row, cells) }
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if capturing && buffer.count < 2 << 20 { buffer.append(contentsOf: bytes) }
    }
}
