import Foundation
import FundWatchCore

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
