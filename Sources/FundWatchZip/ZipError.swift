/// Why a zip archive, or one of its entries, cannot be read.
public enum ZipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a zip archive, or its directory is damaged.
    case invalid(String)
    /// An entry whose name leaves its folder (absolute, a drive letter, `..`), a symbolic
    /// link, or a name given twice.
    case unsafeEntry(name: String, reason: String)
    /// More entries than ``ZipLimits/maxEntries``.
    case tooManyEntries(Int)
    /// An entry inflating to more than ``ZipLimits/maxRatio`` times its compressed size.
    case ratioExceeded(name: String)
    /// The archive inflates to more than ``ZipLimits/maxTotalBytes``.
    case tooLarge
    /// An encrypted entry (FundWatch never needs a password).
    case encrypted(name: String)
    /// An entry whose data is damaged or cut short (the inflated size or CRC do not match).
    case corrupt(name: String, detail: String)

    public var description: String {
        switch self {
        case .invalid(let detail): "not a valid zip archive: \(detail)"
        case .unsafeEntry(let name, let reason): "zip entry \(name): \(reason)"
        case .tooManyEntries(let count): "the zip has \(count) entries or more; at most 1,000 are read"
        case .ratioExceeded(let name): "zip entry \(name) inflates to more than 100 times its compressed size (a zip bomb?)"
        case .tooLarge: "the zip inflates to more than its size limit"
        case .encrypted(let name): "zip entry \(name) is encrypted"
        case .corrupt(let name, let detail): "zip entry \(name) is damaged: \(detail)"
        }
    }
}
