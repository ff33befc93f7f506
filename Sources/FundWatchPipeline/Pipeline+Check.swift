import Foundation
import FundWatchCore
import FundWatchReturnsStore
import FundWatchStore

/// One thing wrong with a store, named as an operator and a bureau need it: what (`kind`),
/// whose (county, period, version number) and how.
public struct StoreProblem: Sendable, Hashable, CustomStringConvertible {
    /// `store.integrity`, `store.schema`, `store.rows`, `store.digest`, `store.damaged`, `store.review`.
    public var kind: String
    public var countyCode: String?
    public var period: YearMonth?
    /// The stored version's id.
    public var version: Int64?
    public var message: String

    public var description: String {
        var place: [String] = []
        if let countyCode { place.append(countyCode) }
        if let period { place.append(period.description) }
        if let version { place.append("version #\(version)") }
        return "\(kind): " + (place.isEmpty ? "" : place.joined(separator: " ") + ": ") + message
    }
}

/// What `fundwatch check` found: the problems (none when the store is sound) and what it read.
public struct StoreCheck: Sendable {
    public var problems: [StoreProblem]
    public var versions: Int
    public var rows: Int
    public var isSound: Bool { problems.isEmpty }
}

extension Pipeline {
    /// The store's integrity as a bureau needs it: the database's own check, the schema
    /// version, every stored version's row counts against what was recorded at import, its
    /// content digest recomputed from its stored rows, and the review events pointing at
    /// versions that exist (of their county and month).
    public func check(_ store: any ReturnsDatabase) async throws(PipelineError) -> StoreCheck {
        var problems: [StoreProblem] = []
        func problem(_ kind: String, _ version: StoredVersion? = nil, _ message: String) {
            problems.append(
                StoreProblem(kind: kind, countyCode: version?.countyCode, period: version?.period, version: version?.id, message: message))
        }
        do throws(StoreError) {
            for line in try await store.integrityProblems() { problem("store.integrity", nil, line) }
            let applied = try await store.appliedMigrations()
            let expected = (1...StoreSchema.version).map { "v\($0)" }
            if !applied.isEmpty, applied != expected {
                problem(
                    "store.schema", nil, "migrations applied: \(applied.joined(separator: ", ")); this FundWatch writes schema \(StoreSchema.version)"
                )
            }
            let versions = try await store.versions(county: nil, period: nil)
            // Digests are compared only under the scheme they were made with (the reporter key
            // of the bureau's configuration); never realigned here: a check changes nothing.
            let scheme = try await store.query("SELECT value FROM fundwatch_meta WHERE key = 'digest_scheme'", []).first?.first?.text
            let compareDigests = scheme == nil || scheme == reporterSeal.digestScheme
            if !compareDigests {
                problem(
                    "store.digest", nil,
                    "the store's digests were made under \(scheme ?? "?"), this configuration reads \(reporterSeal.digestScheme): run check with the bureau's --config ([store] reporter_key_file); digests not compared"
                )
            }
            // Every version's register rows against the counts recorded with it.
            let counts = try await store.query(
                """
                SELECT s.id, (SELECT COUNT(*) FROM institutions r WHERE r.submission_id = s.id),
                  (SELECT COUNT(*) FROM inspections r WHERE r.submission_id = s.id), (SELECT COUNT(*) FROM cases r WHERE r.submission_id = s.id)
                FROM submissions s ORDER BY s.id
                """, [])
            let stored = Dictionary(
                uniqueKeysWithValues: counts.compactMap { row -> (Int64, [Int])? in
                    guard let id = row.first?.integer else { return nil }
                    return (id, row.dropFirst().map { Int($0.integer ?? -1) })
                })
            var rows = 0
            for version in versions {
                let recorded = [version.institutionCount, version.inspectionCount, version.caseCount]
                let found = stored[version.id] ?? [0, 0, 0]
                rows += found.reduce(0, +)
                for (name, (want, have)) in zip(["institutions", "inspections", "cases"], zip(recorded, found)) where want != have {
                    problem("store.rows", version, "\(name): \(have) rows stored, \(want) recorded at import")
                }
                // The digest from the stored rows: a changed value, a lost or added row changes it.
                guard compareDigests else { continue }
                do {
                    let digest = try await recomputedDigest(of: version, in: store)
                    if digest != version.digest {
                        problem(
                            "store.digest", version,
                            "content digest recomputed from the stored rows is \(digest.prefix(12))…, recorded \(version.digest.prefix(12))…")
                    }
                } catch  where error.kind == .damaged {
                    problem("store.damaged", version, error.description)
                }
            }
            // Review events: each names a stored version of its own county and month.
            let events = try await store.query(
                """
                SELECT e.id, e.county_code, e.period, e.submission_id, s.county_code, s.period FROM review_events e
                LEFT JOIN submissions s ON s.id = e.submission_id WHERE e.submission_id IS NOT NULL ORDER BY e.id
                """, [])
            for e in events {
                let event = e[0].integer ?? 0, id = e[3].integer
                let message: String
                if e[4].text == nil {
                    message = "review event #\(event) names version #\(id ?? 0), which is not stored"
                } else if e[4].text != e[1].text || e[5].text != e[2].text {
                    message = "review event #\(event) names a version of \(e[4].text ?? "") \(e[5].text ?? "")"
                } else {
                    continue
                }
                problems.append(
                    StoreProblem(
                        kind: "store.review", countyCode: e[1].text, period: e[2].text.flatMap(YearMonth.init(iso:)), version: id, message: message))
            }
            return StoreCheck(problems: problems, versions: versions.count, rows: rows)
        } catch {
            throw PipelineError(error)
        }
    }
}
