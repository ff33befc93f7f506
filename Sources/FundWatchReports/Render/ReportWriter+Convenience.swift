import FundWatchCore

extension ReportWriter {
    /// A rendered file: its name and bytes.
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// Renders the formats asked for into memory, in the fixed order of
    /// ``write(_:formats:baseName:into:)``.
    public func render(_ document: ReportDocument, formats: Set<ReportFormat>, baseName: String? = nil) throws -> [File] {
        try collect { try write(document, formats: formats, baseName: baseName, into: $0) }
    }

    /// The notice document of one case, in memory.
    public func render(_ notice: NoticeDocument) throws -> [File] { try collect { try write(notice, into: $0) } }

    /// The bulletin, in memory.
    public func render(_ bulletin: BulletinBuilder) throws -> [File] { try collect { try write(bulletin, into: $0) } }

    /// Renders and writes into `directory` (created if needed), as a ``FolderSink``: nothing
    /// is written unless every file rendered and the XML validated. Returns the paths.
    public func write(_ document: ReportDocument, formats: Set<ReportFormat>, to directory: String) throws -> [String] {
        let sink = FolderSink(directory: directory)
        do {
            let names = try write(document, formats: formats, into: sink)
            try sink.commit()
            return names.map(sink.location(of:))
        } catch {
            sink.discard()
            throw error
        }
    }

    private func collect(_ body: (MemorySink) throws -> [String]) throws -> [File] {
        let sink = MemorySink()
        let names = try body(sink)
        try sink.commit()
        return names.map { File(name: $0, bytes: sink.bytes(of: $0) ?? []) }
    }
}
