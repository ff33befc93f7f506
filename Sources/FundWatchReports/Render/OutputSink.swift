import FundWatchCore
import Foundation

/// Where rendered files go: a folder, or memory a response is written from. Renderers open
/// a file per output (from up to two threads at once), stream its bytes into it as they
/// render, and the caller commits the sink only when everything rendered and validated —
/// so a folder never receives half a report.
public protocol OutputSink: AnyObject, Sendable {
    /// Starts the file `name` (e.g. `report.xml`). Safe to call from several threads.
    func open(_ name: String) throws -> any OutputFile
    /// Makes every file opened so far final.
    func commit() throws
    /// Where the file `name` goes: its path in a folder, or its name.
    func location(of name: String) -> String
    /// Drops every file opened so far.
    func discard()
}

/// One file being written into a sink, by one thread at a time.
public protocol OutputFile: AnyObject, Sendable {
    var name: String { get }
    func append(_ bytes: ArraySlice<UInt8>) throws
    func close() throws
}

extension OutputSink {
    /// Writes a file rendered in memory.
    public func write(_ name: String, _ bytes: [UInt8]) throws {
        let file = try open(name)
        try file.append(bytes[...])
        try file.close()
    }
}

/// A file that cannot be written into the output folder.
public struct CannotWrite: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var description: String { "cannot write \(path): is the folder writable, and is there room on the disk? Nothing was written." }
}

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

/// Files gathered in memory, for a response to send (or a test to read).
public final class MemorySink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var opened: [MemoryFile] = []
    /// The committed files, in the order they were opened.
    public private(set) var files: [(name: String, bytes: [UInt8])] = []

    public init() {}

    public func open(_ name: String) throws -> any OutputFile {
        let file = MemoryFile(name: name)
        lock.withLock { opened.append(file) }
        return file
    }

    public func commit() throws {
        lock.withLock {
            files += opened.map { ($0.name, $0.bytes) }
            opened = []
        }
    }

    public func location(of name: String) -> String { name }

    public func discard() { lock.withLock { opened = [] } }

    /// The bytes of the committed file `name`.
    public func bytes(of name: String) -> [UInt8]? { files.first { $0.name == name }?.bytes }

    final class MemoryFile: OutputFile, @unchecked Sendable {
        let name: String
        var bytes: [UInt8] = []
        init(name: String) { self.name = name }
        func append(_ piece: ArraySlice<UInt8>) throws { bytes.append(contentsOf: piece) }
        func close() throws {}
    }
}
