import Foundation
import FundWatchCore
import FundWatchZip

/// What some inputs name, expanded into submissions.
public struct SourceDiscovery: Sendable {
    /// Sources found, in a stable order (inputs in order, folder entries by name).
    public var sources: [SubmissionSource] = []
    /// Inputs that are not submissions: each an error.
    public var findings: [Finding] = []

    /// Expands files, folders (searched for submissions), zips and uploads.
    public init(_ inputs: [SubmissionInput], zipLimits: ZipLimits = .standard) {
        for input in inputs {
            switch input {
            case .path(let path): visit(path, explicit: true, zipLimits: zipLimits)
            case .memory(let name, let bytes): visitUpload(name: name, bytes: bytes, zipLimits: zipLimits)
            }
        }
    }

    /// Expands paths.
    public init(paths: [String]) { self.init(paths.map(SubmissionInput.path)) }

    private mutating func visit(_ path: String, explicit: Bool, zipLimits: ZipLimits) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            notFound(path, detailEN: "no such file or folder")
            return
        }
        if isDirectory.boolValue {
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            if entries.contains(Register.header.fileName) {
                sources.append(SubmissionSource(kind: .csvFolder(path: path), displayName: path))
                return
            }
            let before = sources.count
            for entry in entries where !entry.hasPrefix(".") {
                visit(Self.join(path, entry), explicit: false, zipLimits: zipLimits)
            }
            if explicit && sources.count == before {
                notFound(path, detailEN: "the folder holds no .xml file, .zip or folder with submission.csv")
            }
            return
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".xml") {
            sources.append(SubmissionSource(kind: .xml(.path(path)), displayName: path))
        } else if lower.hasSuffix(".zip") {
            addZip(.path(path), limits: zipLimits)
        } else if Self.workbookExtensions.contains(where: lower.hasSuffix) && !Self.isLockFile(path) {
            // .xls and .et too: the reader refuses them with a message saying to save as .xlsx.
            sources.append(SubmissionSource(kind: .xlsx(.path(path)), displayName: path))
        } else if explicit {
            notFound(path, detailEN: "not an .xml file, an .xlsx workbook, a .zip, or a folder")
        }
    }

    /// Names of workbooks: read as .xlsx (legacy and WPS formats to be refused by name).
    static let workbookExtensions = [".xlsx", ".xls", ".et"]

    /// Excel's and WPS's lock files (`~$return.xlsx`) sit beside an open workbook: not returns.
    static func isLockFile(_ path: String) -> Bool {
        (path.split(separator: "/").last ?? "").hasPrefix("~$")
    }

    /// An upload is a workbook when it is a zip holding `xl/workbook.xml` (or named .xlsx),
    /// or an OLE compound document (a legacy or encrypted workbook, to be refused with its
    /// reason); a zip when it starts like one; XML when it starts with `<` (after a BOM and
    /// white space); otherwise its name decides.
    private mutating func visitUpload(name: String, bytes: [UInt8], zipLimits: ZipLimits) {
        let input = SubmissionInput.memory(name: name, bytes: bytes)
        let lower = name.lowercased()
        let zipped = bytes.starts(with: [0x50, 0x4B])
        if XLSXSubmissionReader.isCompoundDocument(input) || (zipped && Self.workbookExtensions.contains(where: lower.hasSuffix)) {
            sources.append(SubmissionSource(kind: .xlsx(input), displayName: name))
        } else if zipped || (bytes.isEmpty && lower.hasSuffix(".zip")) {
            // Opened once: a workbook sent under another name, or a zip of CSV folders.
            let archive: ZipArchive
            do {
                archive = try input.openZip(limits: zipLimits)
            } catch {
                findings.append(Finding(zip: error, archive: name))
                return
            }
            if Self.holdsWorkbook(archive) {
                sources.append(SubmissionSource(kind: .xlsx(input), displayName: name))
            } else {
                addZip(input, archive: archive)
            }
        } else if Self.looksLikeXML(bytes) || lower.hasSuffix(".xml") {
            sources.append(SubmissionSource(kind: .xml(input), displayName: name))
        } else {
            findings.append(
                Finding(
                    file: name, line: nil, rule: Rule.unknownFormat.id, message: Rule.unknownFormat.message,
                    messageEN: Rule.unknownFormat.messageEN, expected: Rule.unknownFormat.expected))
        }
    }

    /// Whether a zip holds an Excel workbook part and no CSV return at its root.
    static func holdsWorkbook(_ archive: ZipArchive) -> Bool {
        archive.entry(named: "xl/workbook.xml") != nil && archive.entry(named: Register.header.fileName) == nil
    }

    static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        var rest = bytes[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        return rest.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "<")
    }

    private mutating func addZip(_ input: SubmissionInput, limits: ZipLimits) {
        do {
            addZip(input, archive: try input.openZip(limits: limits))
        } catch {
            findings.append(Finding(zip: error, archive: input.displayName))
        }
    }

    private mutating func addZip(_ input: SubmissionInput, archive: ZipArchive) {
        let name = input.displayName
        let folders = archive.entries.compactMap { entry -> String? in
            let (folder, file) = ZipEntryName.split(entry.name)
            return file == Register.header.fileName && !entry.isDirectory ? folder : nil
        }
        if folders.isEmpty {
            notFound(name, detailEN: "the zip holds no submission.csv")
            return
        }
        for folder in folders.sorted() {
            sources.append(
                SubmissionSource(
                    kind: .csvZip(archive: input, folder: folder),
                    displayName: folder.isEmpty ? name : "\(name)!/\(folder)"))
        }
    }

    private mutating func notFound(_ path: String, detailEN: String) {
        findings.append(
            Finding(
                file: path, line: nil, rule: Rule.pathNotFound.id, message: Rule.pathNotFound.message,
                messageEN: Rule.pathNotFound.messageEN + ": " + detailEN, expected: Rule.pathNotFound.expected))
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
