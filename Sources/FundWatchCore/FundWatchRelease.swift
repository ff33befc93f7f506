/// Which FundWatch this is: printed by `fundwatch --version` beside the store schema it writes.
public enum FundWatchRelease {
    /// The release number; raised with each release a bureau installs.
    public static let number = "0.28.0"
}
