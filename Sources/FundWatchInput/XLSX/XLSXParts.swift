import FundWatchCore
import FundWatchXML
import FundWatchZip

/// Why a workbook's package cannot be read; each becomes one finding.
enum XLSXFailure: Error {
    case zip(ZipError)
    case invalid(String)
    case doctype(part: String)
    case limit(String)
}

/// The parts of an .xlsx package that the reader needs, found through the package's
/// relationships (never by assuming Excel's part names, which WPS and others vary).
struct XLSXPackage {
    struct Sheet {
        let name: String
        let part: String
        let hidden: Bool
    }

    let archive: ZipArchive
    /// The sheets in workbook order.
    let sheets: [Sheet]
    let sharedStringsPart: String?
    let stylesPart: String?
    /// The 1904 date system (`workbookPr date1904`).
    let date1904: Bool

    /// The largest a relationships, workbook or styles part may be.
    static let smallPartLimit = 16 << 20

    init(archive: ZipArchive) throws(XLSXFailure) {
        self.archive = archive
        let root = try Self.relationships(archive, part: "_rels/.rels", base: "")
        let workbookPart = root.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard archive.entry(named: workbookPart) != nil else { throw .invalid("no workbook part (\(workbookPart))") }
        let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPart.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        let rels = try Self.relationships(archive, part: relsPart, base: folder)
        let workbook = WorkbookHandler()
        try Self.parse(archive, part: workbookPart, handler: workbook, limit: Self.smallPartLimit)
        var sheets: [Sheet] = []
        for sheet in workbook.sheets {
            guard let target = rels.first(where: { $0.id == sheet.relationship })?.target else {
                throw .invalid("sheet \(sheet.name) has no part")
            }
            sheets.append(Sheet(name: sheet.name, part: target, hidden: sheet.hidden))
        }
        self.sheets = sheets
        sharedStringsPart = rels.first { $0.type.hasSuffix("/sharedStrings") }?.target
        stylesPart = rels.first { $0.type.hasSuffix("/styles") }?.target
        date1904 = workbook.date1904
    }

    /// Parses a part through `handler`, streaming; a missing part is `.invalid`.
    static func parse(_ archive: ZipArchive, part: String, handler: any XMLEventParser.Handler, limit: Int? = nil) throws(XLSXFailure) {
        guard let entry = archive.entry(named: part) else { throw .invalid("part \(part) is missing") }
        if let limit, entry.uncompressedSize > UInt64(limit) { throw .limit("part \(part) is larger than \(limit) bytes") }
        struct Stopped: Error {}
        let bounded = handler as? any XLSXBoundedHandler
        do {
            let parser = try XMLEventParser(name: part, handler: handler)
            try archive.read(entry) { bytes in
                try parser.parse(bytes)
                // Past a limit the rest of the part is not read (the caller reports the limit).
                if bounded?.overLimit == true { throw Stopped() }
            }
            try parser.finish()
        } catch is Stopped {
            return
        } catch let error as ZipError {
            throw .zip(error)
        } catch let error as XMLEventParser.Failure {
            switch error {
            case .doctype: throw .doctype(part: part)
            case .malformed(let message): throw .invalid("\(part): \(message)")
            }
        } catch let error as XLSXFailure {
            throw error
        } catch {
            throw .invalid("\(part): \(error)")
        }
    }

    /// A relationships part: each relationship's id, type and target resolved against `base`.
    static func relationships(_ archive: ZipArchive, part: String, base: String) throws(XLSXFailure) -> [(id: String, type: String, target: String)] {
        guard archive.entry(named: part) != nil else { return [] }
        let handler = RelationshipsHandler()
        try parse(archive, part: part, handler: handler, limit: smallPartLimit)
        return handler.items.filter { $0.mode != "External" }.map { ($0.id, $0.type, resolve($0.target, base: base)) }
    }

    /// A relationship target: absolute (`/xl/worksheets/sheet1.xml`) or relative to `base`, with `..` resolved.
    static func resolve(_ target: String, base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }
}

/// `<Relationship Id Type Target TargetMode>` elements.
private final class RelationshipsHandler: XMLEventParser.Handler {
    var items: [(id: String, type: String, target: String, mode: String)] = []
    func start(_ name: String, _ attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        items.append((id, attributes["Type"] ?? "", target, attributes["TargetMode"] ?? ""))
    }
    func end(_ name: String) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// `workbook.xml`: the sheets (name, relationship, visibility) and the date system.
private final class WorkbookHandler: XMLEventParser.Handler {
    var sheets: [(name: String, relationship: String, hidden: Bool)] = []
    var date1904 = false
    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "sheet":
            guard let sheetName = attributes["name"], let id = attributes["id"] else { return }
            sheets.append((sheetName, id, (attributes["state"] ?? "visible") != "visible"))
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
        default: break
        }
    }
    func end(_ name: String) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// `sharedStrings.xml`: every `<si>` as text, rich-text runs joined, phonetic runs
/// (`<rPh>`) skipped, `_xHHHH_` escapes undone. At most `limit` strings: the count the
/// file declares is never trusted for allocation.
/// A handler that may stop wanting more of its part (a limit reached).
protocol XLSXBoundedHandler: XMLEventParser.Handler {
    var overLimit: Bool { get }
}

final class SharedStringsHandler: XLSXBoundedHandler {
    private(set) var strings: [String] = []
    private var current: [UInt8] = []
    private var inItem = false, inText = false, phonetic = 0
    /// Most strings, most bytes of them all, and most bytes of one kept (a longer one is
    /// cut there: it is longer than any field may be, which its cell's field rule says).
    let limit: Int, byteLimit: Int, itemLimit: Int
    private var bytes = 0
    private(set) var overLimit = false

    init(limit: Int, byteLimit: Int, itemLimit: Int) {
        self.limit = limit
        self.byteLimit = byteLimit
        self.itemLimit = itemLimit
    }

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "si":
            inItem = true
            current.removeAll(keepingCapacity: true)
        case "rPh": phonetic += 1
        case "t": inText = inItem && phonetic == 0
        default: break
        }
    }
    func end(_ name: String) {
        switch name {
        case "si":
            inItem = false
            bytes += current.count
            if strings.count >= limit || bytes > byteLimit {
                overLimit = true
                return
            }
            strings.append(XLSXText.unescape(String(decoding: current, as: UTF8.self)))
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inText && !overLimit && current.count <= itemLimit { current.append(contentsOf: bytes.prefix(itemLimit + 1 - current.count)) }
    }
}

/// `styles.xml`: for each cell format (`cellXfs/xf`, by index) whether it shows a date
/// and whether it is a text-prefixed (`quotePrefix`) format.
final class StylesHandler: XMLEventParser.Handler {
    private var customFormats: [Int: String] = [:]
    private var formats: [(numFmt: Int, quotePrefix: Bool)] = []
    private var inCellXfs = false

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }) { customFormats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            formats.append((Int(attributes["numFmtId"] ?? "0") ?? 0, ["1", "true"].contains(attributes["quotePrefix"] ?? "")))
        default: break
        }
    }
    func end(_ name: String) { if name == "cellXfs" { inCellXfs = false } }
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// Whether cell format `index` shows a date.
    func isDate(style index: Int) -> Bool {
        guard index >= 0, index < formats.count else { return false }
        let id = formats[index].numFmt
        if let code = customFormats[id] { return Self.isDateFormat(code) }
        // Built-in date formats, including the Chinese locales' (27–36, 50–58).
        return (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id)
    }

    /// A custom format shows a date when, outside quoted text, escapes and `[...]`
    /// sections, it has a day or year letter (`m` alone may be minutes).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch ch {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "y", "d": if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }
}

/// Text as a workbook stores it.
enum XLSXText {
    /// Undoes the `_xHHHH_` escapes Excel writes for control characters (`_x000D_`).
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}
