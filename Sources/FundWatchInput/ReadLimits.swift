import FundWatchCore
import FundWatchZip

/// The limits of FORMAT.md, checked while reading so that memory stays bounded.
public struct ReadLimits: Sendable {
    /// Largest field: 1 MiB.
    public var maxFieldBytes = 1_048_576
    /// Most fields on one CSV line.
    public var maxFieldsPerLine = 64
    /// Largest submission once unpacked: 2 GiB.
    public var maxSubmissionBytes: Int64 = 2_147_483_648
    /// Most shared strings an .xlsx workbook may hold (the count it declares is never trusted).
    public var maxSharedStrings = 2_000_000
    /// Most bytes of text the shared strings of a workbook may hold in all: 32 MiB. A workbook's
    /// strings are kept while its sheets are read, so this bounds the memory of an upload
    /// (a 20 MB workbook may inflate to gigabytes of strings within the zip ratio limit). A
    /// county's return holds a few MB of text.
    public var maxSharedStringBytes = 32 << 20
    /// Zip archives: entries, inflation ratio, total size.
    public var zip = ZipLimits.standard

    public init() {}

    /// The limits of FORMAT.md.
    public static let standard = ReadLimits()
}
