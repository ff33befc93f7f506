import FundWatchCore

/// One submission to read: an XML document, a folder of CSV files, or a folder inside a zip.
public struct SubmissionSource: Sendable {
    public enum Kind: Sendable {
        /// An XML document, on disk or in memory.
        case xml(SubmissionInput)
        /// A folder of CSV files on disk.
        case csvFolder(path: String)
        /// A folder (`""` for the root) inside a zip archive, on disk or in memory.
        case csvZip(archive: SubmissionInput, folder: String)
        /// An Excel workbook (.xlsx) in the template's layout, on disk or in memory.
        case xlsx(SubmissionInput)
    }

    public var kind: Kind
    /// How findings and reports name it.
    public var displayName: String

    public init(kind: Kind, displayName: String) {
        self.kind = kind
        self.displayName = displayName
    }
}
