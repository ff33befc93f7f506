import Foundation

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
