import Foundation
import Synchronization

/// Files streamed into a folder under temporary names, renamed to their final names in one
/// step each on ``commit()``, removed on ``discard()``. The folder is created (if needed) when
/// the first file is opened, so a job that fails before rendering leaves no folder behind.
public final class FolderSink: OutputSink, Sendable {
    public let directory: String
    private let stamp = UUID().uuidString
    /// The files opened and not yet committed, and whether the folder exists yet.
    private let state = Mutex<(files: [FolderFile], created: Bool)>(([], false))

    public init(directory: String) {
        self.directory = directory
    }

    public func open(_ name: String) throws -> any OutputFile {
        let directory = self.directory
        try state.withLock { (state) throws(CannotWrite) in
            if !state.created {
                do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                    throw CannotWrite(path: directory)
                }
                state.created = true
            }
        }
        let file = try FolderFile(final: directory + "/" + name, temporary: directory + "/.\(name).\(stamp).partial", name: name)
        state.withLock { $0.files.append(file) }
        return file
    }

    public func commit() throws {
        let opened = state.withLock { $0.files }
        for file in opened { try file.commit() }
        state.withLock { $0.files = [] }
    }

    public func location(of name: String) -> String { directory + "/" + name }

    public func discard() {
        let opened = state.withLock { $0.files }
        opened.forEach { $0.discard() }
        state.withLock { $0.files = [] }
    }

    /// One file: its names are constants and its handle is written by one writer at a time
    /// (the renderer that opened it), as `OutputFile` requires.
    final class FolderFile: OutputFile, Sendable {
        let name: String
        let final: String
        let temporary: String
        private let handle: FileHandle

        init(final: String, temporary: String, name: String) throws {
            self.final = final
            self.temporary = temporary
            self.name = name
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                let handle = FileHandle(forWritingAtPath: temporary)
            else { throw CannotWrite(path: final) }
            self.handle = handle
        }

        func append(_ piece: ArraySlice<UInt8>) throws {
            try piece.withUnsafeBytes { try handle.write(contentsOf: $0) }
        }

        func close() throws { try handle.close() }

        /// Gives the file its final name, replacing an earlier one in one step.
        func commit() throws {
            guard rename(temporary, final) == 0 else { throw CannotWrite(path: final) }
        }

        func discard() {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
