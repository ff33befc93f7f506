import FundWatchZip

/// The zip the portal makes of CSV tables.
enum ZipWriterBytes {
    static func zip(_ files: [(name: String, bytes: [UInt8])]) throws -> [UInt8] { try ZipWriter.archive(files) }
}
