import FundWatchCore

/// Cases counted by whom they are about, in ``SubjectType/allCases`` order.
public struct SubjectCounts: Sendable, Equatable {
    public var counts = [Int](repeating: 0, count: SubjectType.allCases.count)

    public init() {}

    public subscript(_ subject: SubjectType) -> Int {
        get { counts[SubjectType.allCases.firstIndex(of: subject)!] }
        set { counts[SubjectType.allCases.firstIndex(of: subject)!] = newValue }
    }

    public static func + (a: SubjectCounts, b: SubjectCounts) -> SubjectCounts {
        var out = a
        for i in out.counts.indices { out.counts[i] += b.counts[i] }
        return out
    }
}

/// A number of cases and the amount they involve, and the cases by subject.
public struct CaseTally: Sendable, Equatable {
    public var cases: Int
    public var amountInvolved: Money
    public var bySubject = SubjectCounts()

    public init(cases: Int, amountInvolved: Money) {
        self.cases = cases
        self.amountInvolved = amountInvolved
    }

    public static func + (a: CaseTally, b: CaseTally) -> CaseTally {
        var out = CaseTally(cases: a.cases + b.cases, amountInvolved: a.amountInvolved + b.amountInvolved)
        out.bySubject = a.bySubject + b.bySubject
        return out
    }
}

/// A number of cases and of the distinct institutions they concern (within one county), and
/// the cases by subject.
public struct ActionTally: Sendable, Equatable {
    public var cases: Int
    public var institutions: Int
    public var bySubject = SubjectCounts()

    public init(cases: Int, institutions: Int) {
        self.cases = cases
        self.institutions = institutions
    }

    public static func + (a: ActionTally, b: ActionTally) -> ActionTally {
        var out = ActionTally(cases: a.cases + b.cases, institutions: a.institutions + b.institutions)
        out.bySubject = a.bySubject + b.bySubject
        return out
    }
}
