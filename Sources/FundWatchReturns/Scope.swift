import FundWatchReturnsStore

/// Which counties' data a caller may see. Every read of returns, reviews, uploads, notices
/// and figures goes through a ``Scope`` (see ``ScopedReturns``), so a county clerk never
/// gets another county's rows, whatever the URL says.
public enum Scope: Sendable, Equatable {
    /// One county (a county clerk).
    case county(String)
    /// Every county (the city).
    case everyCounty
    /// No county data at all (an administrator who is not also city).
    case nothing

    /// Whether data of `county` is visible.
    public func contains(_ county: String) -> Bool {
        switch self {
        case .county(let own): own == county
        case .everyCounty: true
        case .nothing: false
        }
    }

    /// What `user` may see, derived here, once: a clerk their county, the city every county,
    /// an administrator no county data.
    public init(user: PortalUser) {
        switch user.role {
        case .county: self = user.countyCode.map(Scope.county) ?? .nothing
        case .city: self = .everyCounty
        case .admin: self = .nothing
        }
    }

    /// The one county a store query must be limited to (nil: every county).
    public var onlyCounty: String? {
        if case .county(let own) = self { own } else { nil }
    }
}
