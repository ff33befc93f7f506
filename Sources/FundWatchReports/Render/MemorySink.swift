import Synchronization

/// Files gathered in memory, for a response to send (or a test to read). Every access to its
/// state goes through a `Mutex`, so it is `Sendable` as checked by the compiler.
public final class MemorySink: OutputSink, Sendable {
    private struct State {
        var opened: [MemoryFile] = []
        var files: [(name: String, bytes: [UInt8])] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// The committed files, in the order they were opened.
    public var files: [(name: String, bytes: [UInt8])] { state.withLock { $0.files } }

    public func open(_ name: String) throws -> any OutputFile {
        let file = MemoryFile(name: name)
        state.withLock { $0.opened.append(file) }
        return file
    }

    public func commit() throws {
        state.withLock { state in
            state.files += state.opened.map { ($0.name, $0.bytes) }
            state.opened = []
        }
    }

    public func location(of name: String) -> String { name }

    public func discard() { state.withLock { $0.opened = [] } }

    /// The bytes of the committed file `name`.
    public func bytes(of name: String) -> [UInt8]? { state.withLock { state in state.files.first { $0.name == name }?.bytes } }

    final class MemoryFile: OutputFile, Sendable {
        let name: String
        private let content = Mutex<[UInt8]>([])
        init(name: String) { self.name = name }
        var bytes: [UInt8] { content.withLock { $0 } }
        func append(_ piece: ArraySlice<UInt8>) throws { content.withLock { $0.append(contentsOf: piece) } }
        func close() throws {}
    }
}
