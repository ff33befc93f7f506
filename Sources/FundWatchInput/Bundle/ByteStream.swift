import Foundation
import FundWatchCore
import FundWatchZip

/// Bytes read in chunks, never the whole file at once.
protocol ByteStream {
    /// A name for findings: a path, an upload's name, or `archive.zip!/entry`.
    var displayName: String { get }
    /// The number of bytes, when known before reading.
    var knownSize: Int64? { get }
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

    var knownSize: Int64? {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : nil
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

/// Bytes in memory (an upload), handed on in one piece.
struct MemoryByteStream: ByteStream {
    let bytes: [UInt8]
    let displayName: String

    var knownSize: Int64? { Int64(bytes.count) }

    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { whole in
            // In 1 MiB pieces, as from a file, so no reader depends on the size of a chunk.
            var start = 0
            while start < whole.count {
                let end = min(start + FileByteStream.chunkSize, whole.count)
                try body(UnsafeBufferPointer(rebasing: whole[start..<end]))
                start = end
            }
        }
    }
}

/// One entry of a zip archive, inflated chunk by chunk under the archive's limits.
struct ZipEntryStream: ByteStream {
    let archive: ZipArchive
    let entry: ZipArchive.Entry
    let displayName: String

    var knownSize: Int64? { Int64(clamping: entry.uncompressedSize) }

    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try archive.read(entry, body)
    }
}

extension SubmissionInput {
    /// The input's bytes as a stream (a path must name a file).
    var stream: ByteStream {
        switch self {
        case .path(let path): FileByteStream(path: path, displayName: path)
        case .memory(let name, let bytes): MemoryByteStream(bytes: bytes, displayName: name)
        }
    }
}
