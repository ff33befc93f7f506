import Foundation
import ZIPFoundation

/// One submission to read: an XML file, a folder of CSV files, or a folder inside a zip.
public struct SubmissionSource: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case xml(path: String)
        case csvFolder(path: String)
        /// A folder (`""` for the root) inside a zip archive.
        case csvZip(archive: String, folder: String)
    }

    public var kind: Kind
    /// How findings and reports name it.
    public var displayName: String

    public init(kind: Kind, displayName: String) {
        self.kind = kind
        self.displayName = displayName
    }
}

/// What `PATH` arguments name, expanded into submissions.
public struct SourceDiscovery: Sendable {
    /// Sources found, in a stable order (arguments in order, folder entries by name).
    public var sources: [SubmissionSource] = []
    /// Paths that are not submissions: each an error.
    public var findings: [Finding] = []

    /// Expands files, folders (searched for submissions) and zips.
    public init(paths: [String]) {
        for path in paths { visit(path, explicit: true) }
    }

    private mutating func visit(_ path: String, explicit: Bool) {
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
                visit(Self.join(path, entry), explicit: false)
            }
            if explicit && sources.count == before {
                notFound(path, detailEN: "the folder holds no .xml file, .zip or folder with submission.csv")
            }
            return
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".xml") {
            sources.append(SubmissionSource(kind: .xml(path: path), displayName: path))
        } else if lower.hasSuffix(".zip") {
            addZip(path)
        } else if explicit {
            notFound(path, detailEN: "not an .xml file, a .zip, or a folder")
        }
    }

    private mutating func addZip(_ path: String) {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            findings.append(Finding(file: path, line: nil, rule: Rule.zipInvalid.id, message: Rule.zipInvalid.message,
                                    messageEN: Rule.zipInvalid.messageEN, expected: Rule.zipInvalid.expected))
            return
        }
        var folders: [String] = []
        for entry in archive {
            if let problem = ZipLayout.unsafeName(entry.path) {
                findings.append(Finding(file: "\(path)!/\(entry.path)", line: nil, rule: Rule.zipUnsafePath.id,
                                        message: Rule.zipUnsafePath.message, messageEN: Rule.zipUnsafePath.messageEN + ": " + problem,
                                        expected: Rule.zipUnsafePath.expected))
                return
            }
            let (folder, name) = ZipLayout.split(entry.path)
            if name == Register.header.fileName, entry.type == .file { folders.append(folder) }
        }
        if folders.isEmpty {
            notFound(path, detailEN: "the zip holds no submission.csv")
            return
        }
        for folder in folders.sorted() {
            let name = folder.isEmpty ? path : "\(path)!/\(folder)"
            sources.append(SubmissionSource(kind: .csvZip(archive: path, folder: folder), displayName: name))
        }
    }

    private mutating func notFound(_ path: String, detailEN: String) {
        findings.append(Finding(file: path, line: nil, rule: Rule.pathNotFound.id, message: Rule.pathNotFound.message,
                                messageEN: Rule.pathNotFound.messageEN + ": " + detailEN, expected: Rule.pathNotFound.expected))
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// Names inside a zip archive.
enum ZipLayout {
    /// Why an entry name is unsafe (leaves its folder), or nil.
    static func unsafeName(_ name: String) -> String? {
        if name.hasPrefix("/") || name.hasPrefix("\\") { return "absolute path" }
        if name.count >= 2, name.dropFirst().first == ":" { return "drive letter" }
        let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if parts.contains("..") { return "`..` in the path" }
        return nil
    }

    /// `dir/sub/file.csv` → (`dir/sub`, `file.csv`).
    static func split(_ name: String) -> (folder: String, file: String) {
        guard let slash = name.lastIndex(of: "/") else { return ("", name) }
        return (String(name[..<slash]), String(name[name.index(after: slash)...]))
    }
}
