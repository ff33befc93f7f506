import FundWatchCore

/// One county's month as receiving a return needs it, read at a cost that does not grow with
/// the month's history (``SubmissionStore/month(county:period:digest:)``): not its versions,
/// but how many there are, the few that can be current, and the one with a given content.
public struct StoredMonth: Sendable, Hashable {
    /// How many versions the month has.
    public var count: Int
    /// The versions the core's rule (``currentVersion(of:)``: latest `submitted_on`, then the
    /// later import) chooses the current one among: the store reads the one first in the
    /// rule's order (none for an empty month); ``current`` applies the rule to it, and the
    /// store contract tests check that it is the current version of all the month's versions.
    public var contenders: [StoredVersion]
    /// The version whose content digest was asked for, with its number in the month (1 for
    /// the first imported), when stored.
    public var matching: (version: StoredVersion, number: Int)?

    public init(count: Int, contenders: [StoredVersion], matching: (version: StoredVersion, number: Int)?) {
        self.count = count
        self.contenders = contenders
        self.matching = matching
    }

    /// The month as every version of it shows it (for stores without a narrow read, and the
    /// contract the narrow reads are tested against).
    public init(versions: [StoredVersion], digest: String?) {
        let match = digest.flatMap { d in versions.first { $0.digest == d } }
        self.init(
            count: versions.count, contenders: versions.current.map { [$0] } ?? [],
            matching: match.flatMap { v in versions.number(of: v.id).map { (v, $0) } })
    }

    /// The month's current version: the rule applied to the contenders.
    public var current: StoredVersion? { contenders.current }

    public static func == (a: StoredMonth, b: StoredMonth) -> Bool {
        a.count == b.count && a.contenders == b.contenders && a.matching?.version == b.matching?.version
            && a.matching?.number == b.matching?.number
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(contenders)
        hasher.combine(matching?.version)
    }
}
