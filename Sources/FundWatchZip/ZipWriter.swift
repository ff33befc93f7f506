import CMinizip
import Foundation

/// Writes a zip archive through minizip: deflated entries with a fixed date, so the same
/// files always give the same bytes.
public enum ZipWriter {
    /// Why an archive could not be written.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `files` (path inside the archive, bytes) to `path`, replacing it.
    public static func write(_ files: [(name: String, bytes: [UInt8])], to path: String) throws(Failure) {
        guard let zip = zipOpen64(path, APPEND_STATUS_CREATE) else { throw Failure(description: "cannot create \(path)") }
        var closed = false
        defer { if !closed { zipClose(zip, nil) } }
        for file in files {
            guard ZipEntryName.unsafeReason(file.name) == nil, !file.name.isEmpty else {
                throw Failure(description: "unsafe entry name \(file.name)")
            }
            var info = zip_fileinfo()
            // 2026-01-01 00:00:00: the entry date never changes the bytes.
            info.tmz_date = tm_zip(tm_sec: 0, tm_min: 0, tm_hour: 0, tm_mday: 1, tm_mon: 0, tm_year: 2026)
            // Names are UTF-8 (general purpose flag bit 11); version made by 20 (MS-DOS attributes).
            guard
                zipOpenNewFileInZip4_64(
                    zip, file.name, &info, nil, 0, nil, 0, nil, Z_DEFLATED, 6, 0,
                    -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, nil, 0, 20, 0x800, 0) == ZIP_OK
            else {
                throw Failure(description: "cannot add \(file.name) to \(path)")
            }
            let status = file.bytes.withUnsafeBytes { raw in
                raw.isEmpty ? ZIP_OK : zipWriteInFileInZip(zip, raw.baseAddress, UInt32(raw.count))
            }
            guard status == ZIP_OK, zipCloseFileInZip(zip) == ZIP_OK else { throw Failure(description: "cannot write \(file.name) into \(path)") }
        }
        closed = true
        guard zipClose(zip, nil) == ZIP_OK else { throw Failure(description: "cannot finish \(path)") }
    }

    /// The archive of `files` as bytes (written through a private temporary file, removed at once).
    public static func archive(_ files: [(name: String, bytes: [UInt8])]) throws(Failure) -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fundwatch-\(UUID().uuidString).zip").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(files, to: path)
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read back \(path)") }
        return Array(data)
    }
}
