/// What importing one submission did.
public enum ImportOutcome: String, Sendable {
    /// The first version of this county and period.
    case new
    /// Another version of a county and period already stored.
    case newVersion = "new version"
    /// This exact content is already stored: nothing written.
    case unchanged
}
