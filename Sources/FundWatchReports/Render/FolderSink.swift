import Foundation

/// Files streamed into a folder under temporary names, renamed to their final names in one
/// step each on ``commit()``, removed on ``discard()``. The folder is created (if needed) when
/// the first file is opened, so a job that fails before rendering leaves no folder behind.
public final class FolderSink: OutputSink, @unchecked Sendable {
    public let directory: String
    private let stamp = UUID().uuidString
    private let lock = NSLock()
    private var files: [FolderFile] = []
    private var created = false

    public init(directory: String) {
        self.directory = directory
    }

    public func open(_ name: String) throws -> any OutputFile {
        try lock.withLock {
            if !created {
                do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                    throw CannotWrite(path: directory)
                }
                created = true
            }
        }
        let file = try FolderFile(final: directory + "/" + name, temporary: directory + "/.\(name).\(stamp).partial", name: name)
        lock.withLock { files.append(file) }
        return file
    }

    public func commit() throws {
        let opened = lock.withLock { files }
        for file in opened { try file.commit() }
        lock.withLock { files = [] }
    }

    public func location(of name: String) -> String { directory + "/" + name }

    public func discard() {
        let opened = lock.withLock { files }
        opened.forEach { $0.discard() }
        lock.withLock { files = [] }
    }

    final class FolderFile: OutputFile, @unchecked Sendable {
        let name: String
        let final: String
        let temporary: String
        private let handle: FileHandle

        init(final: String, temporary: String, name: String) throws {
            self.final = final
            self.temporary = temporary
            self.name = name
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary) else { throw CannotWrite(path: final) }
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
