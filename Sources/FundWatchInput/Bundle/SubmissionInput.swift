import FundWatchCore

/// What a caller names as input: a path (an `.xml` file, a CSV folder, a `.zip`, or a
/// folder holding any of these), or bytes in memory with a name (an upload: no temporary
/// file is ever written).
public enum SubmissionInput: Sendable {
    case path(String)
    /// A file's bytes; `name` (the uploaded file name) names it in findings and tells its
    /// kind when its first bytes do not.
    case memory(name: String, bytes: [UInt8])

    /// How findings name it.
    public var displayName: String {
        switch self {
        case .path(let path): path
        case .memory(let name, _): name
        }
    }
}
