import FundWatchCore
import FundWatchPipeline
import FundWatchReturnsStore
import FundWatchStore

/// The store as one caller may read it: every list of versions, reviews, uploads and a
/// county's registers is limited to the caller's ``Scope`` here, and a county outside it is
/// refused (``Refusal/Kind/outOfScope``) before any query runs. The portal's routes read
/// county data only through this type.
public struct ScopedReturns: Sendable {
    let store: any ReturnsDatabase
    public let scope: Scope

    /// Refuses a county outside the scope.
    public func check(_ county: String) throws(Refusal) {
        guard scope.contains(county) else { throw Refusal(.outOfScope, "您没有权限访问此县区的数据 (outside your scope)") }
    }

    /// The registers of the version `pipeline`'s rules choose for `county` and `month`
    /// (the month's current version, else the latest earlier one), or nil.
    public func chosenSubmission(county: String, for month: YearMonth, pipeline: Pipeline) async throws -> Submission? {
        try check(county)
        return try await pipeline.chosenSubmission(store, county: county, for: month)
    }

    /// The registers of stored version `version`, when its county is in scope.
    public func submission(_ version: StoredVersion) async throws -> Submission {
        try check(version.countyCode)
        return try await store.load(version.id)
    }

    /// The counties visible: those registered (`[counties]`), with stored versions or with
    /// a clerk account, within scope; each named as the city registered it (``CountyNames``),
    /// never as its own return calls itself.
    public func counties(registered names: CountyNames) async throws -> [(code: String, name: String)] {
        var codes = Set(names.names.keys.filter(scope.contains))
        for v in try await versions(county: nil, period: nil) { codes.insert(v.countyCode) }
        for u in try await store.returns.users() where u.role == .county {
            if let c = u.countyCode, scope.contains(c) { codes.insert(c) }
        }
        return codes.sorted().map { ($0, names.display($0)) }
    }

    /// Stored versions, oldest first, of a county (nil: every county in scope) and period.
    public func versions(county: String?, period: YearMonth?) async throws -> [StoredVersion] {
        if let county { try check(county) }
        if scope == .nothing { return [] }
        return try await store.versions(county: county ?? scope.onlyCounty, period: period)
    }

    /// Review statuses of a county (nil: all in scope), keyed by county and month.
    public func reviews(county: String?) async throws -> [ReviewStatus.Key: ReviewStatus] {
        if let county { try check(county) }
        if scope == .nothing { return [:] }
        return ReviewStatus.all(try await store.returns.reviewEvents(county: county ?? scope.onlyCounty, period: nil))
    }

    /// The review status of one county and month.
    public func review(county: String, period: YearMonth) async throws -> ReviewStatus {
        try check(county)
        return ReviewStatus(countyCode: county, period: period, events: try await store.returns.reviewEvents(county: county, period: period))
    }

    /// Upload attempts of a county (nil: all in scope), newest first.
    public func uploads(county: String?, limit: Int = 200) async throws -> [UploadRecord] {
        if let county { try check(county) }
        switch scope {
        case .nothing: return []
        case .county(let own): return try await store.returns.uploads(county: own, limit: limit)
        case .everyCounty: return try await store.returns.uploads(county: county, limit: limit)
        }
    }

    /// The file name each of `county`'s versions was uploaded as, by stored version id.
    public func uploadedFiles(county: String) async throws -> [Int64: String] {
        try check(county)
        return try await store.returns.uploadedFiles(county: county)
    }

    /// One upload attempt, when its county is in scope (an attempt with no county, such as a
    /// broken file the city sent, only for the city).
    public func upload(id: Int64) async throws -> UploadRecord? {
        guard let record = try await store.returns.upload(id: id) else { return nil }
        if let county = record.countyCode { return scope.contains(county) ? record : nil }
        return scope == .everyCounty ? record : nil
    }
}
