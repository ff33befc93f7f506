import Foundation
import ZIPFoundation

/// Bytes read in chunks, never the whole file at once.
protocol ByteStream {
    /// A name for findings: a path, or `archive.zip!/entry`.
    var displayName: String { get }
    /// Hands each chunk to `body` in order.
    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws
}

/// A file read with POSIX reads into a reused buffer.
struct FileByteStream: ByteStream {
    let path: String
    let displayName: String
    static let chunkSize = 1 << 20

    struct OpenFailure: Error, CustomStringConvertible {
        let path: String
        let code: Int32
        var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw OpenFailure(path: path, code: errno) }
        defer { close(fd) }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.chunkSize)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, Self.chunkSize)
            if n < 0 { throw OpenFailure(path: path, code: errno) }
            if n == 0 { break }
            try body(UnsafeBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}

/// One entry of a zip archive, inflated chunk by chunk.
struct ZipEntryStream: ByteStream {
    let archive: Archive
    let entry: Entry
    let displayName: String

    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { data in
            try data.withUnsafeBytes { raw in
                try body(raw.bindMemory(to: UInt8.self))
            }
        }
    }
}
