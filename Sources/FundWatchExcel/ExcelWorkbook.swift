import CXlsxWriter
import Foundation

/// An .xlsx workbook written with libxlsxwriter, behind checks that keep Debian's 1.1.4
/// safe: every sheet name, defined name and formula is checked before it reaches the C
/// library (empty ones can corrupt its memory), dropdown lists always come from a range
/// (inline lists overflow a buffer with Chinese text), and the workbook is written to a
/// private temporary file (1.1.4 cannot write to memory), read back as bytes and removed. The creation time is fixed by the caller, so the same
/// content gives the same bytes.
public final class ExcelWorkbook {
    /// Why a workbook could not be made.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private let temporaryPath: String
    private var formats: [ExcelStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
    private var closed = false

    /// A new workbook whose document properties say it was created at `created` (seconds
    /// since 1970, UTC) — fixed by the caller so two runs give the same bytes.
    public init(created: Int, title: String? = nil) throws(Failure) {
        temporaryPath = NSTemporaryDirectory() + "fundwatch-\(UUID().uuidString).xlsx"
        guard let workbook = workbook_new(temporaryPath) else { throw Failure("libxlsxwriter could not start a workbook") }
        self.workbook = workbook
        var properties = lxw_doc_properties()
        properties.created = time_t(created)
        let titleCopy = title.map { strdup($0) } ?? nil
        defer { free(titleCopy) }
        properties.title = titleCopy
        workbook_set_properties(workbook, &properties)
    }

    deinit {
        if !closed {
            // Nothing was written: free the C workbook without leaving a file.
            lxw_workbook_free(workbook)
        }
        unlink(temporaryPath)
    }

    /// Adds a sheet. Names: 1–31 characters, none of `[]:*?/\`, not starting or ending with `'`, unique.
    public func addSheet(_ name: String) throws(Failure) -> ExcelSheet {
        guard Self.isValidSheetName(name) else { throw Failure("invalid sheet name '\(name)'") }
        guard sheetNames.insert(name.lowercased()).inserted else { throw Failure("sheet '\(name)' exists") }
        guard let sheet = workbook_add_worksheet(workbook, name) else { throw Failure("libxlsxwriter refused sheet '\(name)'") }
        return ExcelSheet(sheet: sheet, name: name, workbook: self)
    }

    static func isValidSheetName(_ name: String) -> Bool {
        let count = name.count
        return count >= 1 && count <= 31 && !name.contains(where: { "[]:*?/\\".contains($0) })
            && !name.hasPrefix("'") && !name.hasSuffix("'") && !name.unicodeScalars.contains { $0.value < 32 }
    }

    /// A workbook-level name, e.g. `list_category` for `='代码表'!$B$2:$B$5`.
    public func defineName(_ name: String, _ formula: String) throws(Failure) {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic),
            name.unicodeScalars.allSatisfy({ $0 == "_" || $0 == "." || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }),
            name.count <= 255, CellReferenceCheck.looksLikeCell(name) == false
        else {
            throw Failure("invalid defined name '\(name)'")
        }
        try Self.checkFormula(formula)
        guard workbook_define_name(workbook, name, formula) == LXW_NO_ERROR else { throw Failure("libxlsxwriter refused the name \(name)") }
    }

    static func checkFormula(_ formula: String) throws(Failure) {
        guard formula.count >= 2, formula.hasPrefix("="), !formula.unicodeScalars.contains(where: { $0.value < 32 }) else {
            throw Failure("invalid formula '\(formula)'")
        }
    }

    /// The C format for `style`, made once per style.
    func format(_ style: ExcelStyle?) -> UnsafeMutablePointer<lxw_format>? {
        guard let style else { return nil }
        if let made = formats[style] { return made }
        guard let format = workbook_add_format(workbook) else { return nil }
        style.apply(to: format)
        formats[style] = format
        return format
    }

    /// The workbook's bytes.
    public func bytes() throws(Failure) -> [UInt8] {
        try close()
        guard let data = FileManager.default.contents(atPath: temporaryPath) else { throw Failure("the workbook could not be read back") }
        return Array(data)
    }

    private func close() throws(Failure) {
        guard !closed else { return }
        closed = true
        let result = workbook_close(workbook)
        guard result == LXW_NO_ERROR else { throw Failure("libxlsxwriter: " + String(cString: lxw_strerror(result))) }
    }
}

/// Whether a name reads like a cell (`A1`, `XFD1048576`), which Excel refuses as a name.
enum CellReferenceCheck {
    static func looksLikeCell(_ name: String) -> Bool {
        let letters = name.prefix { $0.isASCII && $0.isLetter }
        let digits = name.dropFirst(letters.count)
        return !letters.isEmpty && letters.count <= 3 && !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
