import Foundation

/// Where tests write: one folder per test process, removed when the process exits, so test
/// runs leave nothing behind in the system's temporary folder.
public enum Scratch {
    /// The process's scratch folder (created on first use).
    public static let root: String = {
        let root = NSTemporaryDirectory() + "fundwatch-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Scratch.root) }
        return root
    }()
}
