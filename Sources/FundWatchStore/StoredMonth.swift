import FundWatchCore

/// One county's month as receiving a return needs it, read at a cost that does not grow with
/// the month's history (``SubmissionStore/month(county:period:digest:)``): not its versions,
/// but how many there are, the current one, and the one with a given content.
public struct StoredMonth: Sendable, Hashable {
    /// A stored version and its number in the month (1 for the first imported).
    public struct Numbered: Sendable, Hashable {
        public var version: StoredVersion
        public var number: Int

        public init(version: StoredVersion, number: Int) {
            self.version = version
            self.number = number
        }
    }

    /// How many versions the month has.
    public var count: Int
    /// The month's current version by the core's rule (``currentVersion(of:)``: latest
    /// `submitted_on`, then the later import). A store reads the version first in the rule's
    /// order; the store contract tests check it against the rule applied to every version.
    public var current: StoredVersion?
    /// The version whose content digest was asked for, when stored.
    public var matching: Numbered?

    public init(count: Int, current: StoredVersion?, matching: Numbered?) {
        self.count = count
        self.current = current
        self.matching = matching
    }

    /// The month as all its versions show it (for stores without a narrow read, and the
    /// contract the narrow reads are tested against).
    public init(versions: [StoredVersion], digest: String?) {
        let match = digest.flatMap { d in versions.first { $0.digest == d } }
        self.init(
            count: versions.count, current: versions.current,
            matching: match.flatMap { v in versions.number(of: v.id).map { Numbered(version: v, number: $0) } })
    }
}
