/// The limits a zip archive is read under, so a hostile archive can neither exhaust memory
/// nor disk nor time (after Apache POI's defaults).
public struct ZipLimits: Sendable {
    /// Most entries in one archive.
    public var maxEntries = 1_000
    /// Most bytes an entry may inflate to per compressed byte…
    public var maxRatio: UInt64 = 100
    /// …checked for entries that inflate to more than this many bytes.
    public var ratioCheckedAbove: UInt64 = 100 * 1024
    /// Most bytes all entries read from one archive may inflate to, in all.
    public var maxTotalBytes: UInt64 = 2_147_483_648

    public init() {}

    /// The defaults.
    public static let standard = ZipLimits()
}
