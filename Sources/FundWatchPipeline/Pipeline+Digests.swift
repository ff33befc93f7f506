import FundWatchCore
import FundWatchCrypto
import FundWatchStore

extension Pipeline {
    /// Makes the stored content digests follow this pipeline's ``ReporterSeal/digestScheme``:
    /// a store whose digests were made another way — before FundWatch kept reporters out of
    /// digests (the plain reporter was hashed in), or under another reporter key — has every
    /// version's digest recomputed from its stored rows, and the same digests replaced in the
    /// upload records and the audit log, in one transaction; then the scheme is recorded.
    /// Versions that were different stay different (a reporter only in the old digest: the
    /// HMAC keeps it apart with a key), a file re-sent stays `unchanged`. Returns how many
    /// digests changed (0, after one query, when the store is already on the scheme).
    @discardableResult
    public func alignDigests(of store: any ReturnsDatabase) async throws(PipelineError) -> Int {
        let scheme = reporterSeal.digestScheme
        do throws(StoreError) {
            let recorded = try await store.query("SELECT value FROM fundwatch_meta WHERE key = 'digest_scheme'", []).first?.first?.text
            if recorded == scheme { return 0 }
            var statements: [SQLStatement] = []
            var changed = 0
            for version in try await store.versions(county: nil, period: nil) {
                let digest = try await recomputedDigest(of: version, in: store)
                guard digest != version.digest else { continue }
                changed += 1
                statements.append(SQLStatement("UPDATE submissions SET digest = ? WHERE id = ?", [.text(digest), .integer(version.id)]))
                statements.append(SQLStatement("UPDATE uploads SET digest = ? WHERE digest = ?", [.text(digest), .text(version.digest)]))
                statements.append(
                    SQLStatement(
                        "UPDATE audit SET detail = REPLACE(detail, ?, ?) WHERE detail LIKE ?",
                        [.text(version.digest), .text(digest), .text("%" + version.digest + "%")]))
            }
            statements.append(
                SQLStatement(
                    "INSERT INTO fundwatch_meta (key, value) VALUES ('digest_scheme', ?) "
                        + "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [.text(scheme)]))
            try await store.transaction(statements)
            return changed
        } catch {
            throw PipelineError(error)
        }
    }

    /// The content digest of a stored version computed again from its stored rows: the
    /// registers as loaded, each reporter cell as the store keeps it (sealed, or `present`)
    /// turned into a digest token as this pipeline's seal reads it, never sealed again.
    func recomputedDigest(of version: StoredVersion, in store: any ReturnsDatabase) async throws(StoreError) -> String {
        var submission = try await store.load(version.id, caseTexts: true)
        let cases = try await store.query("SELECT reporter FROM cases WHERE submission_id = ? ORDER BY row_no", [.integer(version.id)])
        guard cases.count == submission.cases.count else {
            throw StoreError.damaged("version #\(version.id) has \(cases.count) reporter cells for \(submission.cases.count) cases")
        }
        for (index, row) in cases.enumerated() { submission.cases[index].reporter = Confidential(row.first?.text ?? "") }
        let tipoffs = try await store.query("SELECT reporter FROM tipoffs WHERE submission_id = ? ORDER BY row_no", [.integer(version.id)])
        guard tipoffs.count == submission.tipoffs.count else {
            throw StoreError.damaged("version #\(version.id) has \(tipoffs.count) reporter cells for \(submission.tipoffs.count) tip-offs")
        }
        for (index, row) in tipoffs.enumerated() { submission.tipoffs[index].reporter = Confidential(row.first?.text ?? "") }
        let seal = reporterSeal
        return submission.contentDigest(reporterToken: { seal.digestToken(stored: $0.revealedForStorage) })
    }
}
