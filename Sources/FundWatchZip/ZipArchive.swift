import CMinizip
import Foundation

/// A zip archive read through minizip, on disk or in memory, under ``ZipLimits``.
///
/// minizip bounds each entry's input by its compressed size and reports a stream that ends
/// early as an error, so a truncated or crafted deflate stream fails at once instead of
/// spinning. On top of that, the directory is checked when the archive is opened (entry
/// count, names, symbolic links, encryption, declared ratio) and every entry is checked while
/// it inflates (no more bytes than declared, the total budget, the CRC at the end).
///
/// Not thread-safe: read one entry at a time (open another archive for another thread).
public final class ZipArchive {
    /// One file of the archive.
    public struct Entry: Sendable, Hashable {
        /// The entry's path inside the archive, e.g. `990101-2026-03-csv/cases.csv`.
        public let name: String
        public let compressedSize: UInt64
        public let uncompressedSize: UInt64
        /// A folder entry (its name ends with `/`): holds no data.
        public var isDirectory: Bool { name.hasSuffix("/") }
        let position: Position

        struct Position: Sendable, Hashable {
            let directoryOffset: UInt64
            let fileNumber: UInt64
        }
    }

    /// Every entry, in the archive's order.
    public private(set) var entries: [Entry] = []
    /// How findings name the archive: its path, or an upload's name.
    public let displayName: String
    public let limits: ZipLimits

    private let handle: unzFile
    /// The bytes of an archive in memory, and minizip's view of them (both owned here).
    private var memory: (bytes: UnsafeMutableBufferPointer<UInt8>, state: UnsafeMutablePointer<fw_zip_memory>)?
    private var inflatedSoFar: UInt64 = 0

    /// Opens the archive at `path`.
    public init(path: String, limits: ZipLimits = .standard) throws(ZipError) {
        displayName = path
        self.limits = limits
        guard let handle = unzOpen64(path) else { throw ZipError.invalid("cannot open \(path) as a zip archive") }
        self.handle = handle
        try readDirectory()
    }

    /// Opens an archive held in memory (an upload), under `name` for messages.
    public init(bytes: some Collection<UInt8>, name: String, limits: ZipLimits = .standard) throws(ZipError) {
        displayName = name
        self.limits = limits
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = buffer.initialize(from: bytes)
        let state = UnsafeMutablePointer<fw_zip_memory>.allocate(capacity: 1)
        state.initialize(to: fw_zip_memory(bytes: UnsafePointer(buffer.baseAddress), size: UInt64(bytes.count), position: 0))
        guard let handle = fw_unz_open_memory(state) else {
            state.deallocate()
            buffer.deallocate()
            throw ZipError.invalid("\(name) is not a zip archive")
        }
        self.handle = handle
        memory = (buffer, state)
        try readDirectory()
    }

    deinit {
        unzClose(handle)
        if let memory {
            memory.state.deallocate()
            memory.bytes.deallocate()
        }
    }

    /// Reads the central directory, checking every entry before any is inflated.
    private func readDirectory() throws(ZipError) {
        var global = unz_global_info64()
        guard unzGetGlobalInfo64(handle, &global) == UNZ_OK else { throw ZipError.invalid("the zip directory cannot be read") }
        guard global.number_entry <= UInt64(limits.maxEntries) else { throw ZipError.tooManyEntries(Int(clamping: global.number_entry)) }
        var names = Set<String>()
        var status = unzGoToFirstFile(handle)
        while status == UNZ_OK {
            guard entries.count < limits.maxEntries else { throw ZipError.tooManyEntries(entries.count + 1) }
            var info = unz_file_info64()
            var nameBytes = [CChar](repeating: 0, count: 4097)
            guard unzGetCurrentFileInfo64(handle, &info, &nameBytes, UInt(nameBytes.count - 1), nil, 0, nil, 0) == UNZ_OK,
                info.size_filename < UInt(nameBytes.count)
            else {
                throw ZipError.invalid("entry \(entries.count + 1) of the zip directory cannot be read")
            }
            let name = Self.decodeName(nameBytes.prefix(Int(info.size_filename)).map { UInt8(bitPattern: $0) }, utf8Flag: info.flag & 0x800 != 0)
            if let reason = ZipEntryName.unsafeReason(name) { throw ZipError.unsafeEntry(name: name, reason: reason) }
            // Made on Unix (high byte of "version made by" = 3) with the file type of a symbolic link.
            if info.version >> 8 == 3, (info.external_fa >> 16) & 0o170000 == 0o120000 {
                throw ZipError.unsafeEntry(name: name, reason: "a symbolic link")
            }
            guard names.insert(name).inserted else { throw ZipError.unsafeEntry(name: name, reason: "the name appears twice") }
            if info.flag & 1 != 0 { throw ZipError.encrypted(name: name) }
            if info.uncompressed_size > limits.ratioCheckedAbove,
                info.uncompressed_size / max(1, info.compressed_size) >= limits.maxRatio
            {
                throw ZipError.ratioExceeded(name: name)
            }
            var position = unz64_file_pos()
            guard unzGetFilePos64(handle, &position) == UNZ_OK else { throw ZipError.invalid("entry \(name) cannot be located") }
            entries.append(
                Entry(
                    name: name, compressedSize: info.compressed_size, uncompressedSize: info.uncompressed_size,
                    position: .init(directoryOffset: position.pos_in_zip_directory, fileNumber: position.num_of_file)))
            status = unzGoToNextFile(handle)
        }
        guard status == UNZ_END_OF_LIST_OF_FILE else { throw ZipError.invalid("the zip directory is damaged after entry \(entries.count)") }
    }

    /// Entry names are UTF-8 when flagged so or when they decode as UTF-8; otherwise they are
    /// taken as GB18030, as Windows in Chinese writes them.
    private static func decodeName(_ bytes: [UInt8], utf8Flag: Bool) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if !utf8Flag, let text = String(data: Data(bytes), encoding: String.Encoding(rawValue: 0x8000_0632)) { return text }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Inflates `entry`, handing its bytes to `body` in chunks of at most 64 KiB. Throws
    /// ``ZipError`` when the data is damaged, inflates beyond what it declares or the
    /// archive's budget, or fails its CRC; and whatever `body` throws.
    public func read(_ entry: Entry, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var position = unz64_file_pos(pos_in_zip_directory: entry.position.directoryOffset, num_of_file: entry.position.fileNumber)
        guard unzGoToFilePos64(handle, &position) == UNZ_OK else { throw ZipError.corrupt(name: entry.name, detail: "cannot be located") }
        guard unzOpenCurrentFile(handle) == UNZ_OK else { throw ZipError.corrupt(name: entry.name, detail: "its data cannot be opened") }
        var open = true
        defer { if open { unzCloseCurrentFile(handle) } }
        let size = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        var produced: UInt64 = 0
        while true {
            let n = unzReadCurrentFile(handle, buffer, UInt32(size))
            if n < 0 { throw ZipError.corrupt(name: entry.name, detail: "the compressed data is damaged or cut short (error \(n))") }
            if n == 0 { break }
            produced += UInt64(n)
            inflatedSoFar += UInt64(n)
            if produced > entry.uncompressedSize {
                throw ZipError.corrupt(name: entry.name, detail: "inflates to more than the \(entry.uncompressedSize) bytes it declares")
            }
            if inflatedSoFar > limits.maxTotalBytes { throw ZipError.tooLarge }
            try body(UnsafeBufferPointer(start: buffer, count: Int(n)))
        }
        open = false
        let closing = unzCloseCurrentFile(handle)
        if closing == UNZ_CRCERROR { throw ZipError.corrupt(name: entry.name, detail: "its CRC does not match") }
        guard closing == UNZ_OK else { throw ZipError.corrupt(name: entry.name, detail: "it ends badly (error \(closing))") }
        guard produced == entry.uncompressedSize else {
            throw ZipError.corrupt(name: entry.name, detail: "inflates to \(produced) bytes, not the \(entry.uncompressedSize) it declares")
        }
    }

    /// The whole of `entry`, for small parts only (at most `limit` bytes).
    public func contents(of entry: Entry, limit: Int) throws -> [UInt8] {
        guard entry.uncompressedSize <= UInt64(limit) else {
            throw ZipError.corrupt(name: entry.name, detail: "larger than \(limit) bytes")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        try read(entry) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The entry named `name`, if any.
    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }
}
