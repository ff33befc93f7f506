/// What storing one return did. Its raw value is the code the API, the upload records and
/// JSON use; ``words`` is how the command line prints it.
public enum ImportOutcome: String, Sendable {
    /// The first version of this county and period.
    case new
    /// Another version of a county and period already stored.
    case newVersion = "new_version"
    /// This exact content is already stored: nothing written.
    case unchanged

    /// `new`, `new version` or `unchanged`, as `fundwatch import` prints it.
    public var words: String { self == .newVersion ? "new version" : rawValue }
}
