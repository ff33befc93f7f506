import FundWatchCore

/// A number of cases and the amount they involve.
public struct CaseTally: Sendable, Equatable {
    public var cases: Int
    public var amountInvolved: Money

    public init(cases: Int, amountInvolved: Money) {
        self.cases = cases
        self.amountInvolved = amountInvolved
    }

    public static func + (a: CaseTally, b: CaseTally) -> CaseTally {
        CaseTally(cases: a.cases + b.cases, amountInvolved: a.amountInvolved + b.amountInvolved)
    }
}

/// A number of cases and of the distinct institutions they concern (within one county).
public struct ActionTally: Sendable, Equatable {
    public var cases: Int
    public var institutions: Int

    public init(cases: Int, institutions: Int) {
        self.cases = cases
        self.institutions = institutions
    }

    public static func + (a: ActionTally, b: ActionTally) -> ActionTally {
        ActionTally(cases: a.cases + b.cases, institutions: a.institutions + b.institutions)
    }
}
