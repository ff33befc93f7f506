import FundWatchCore
import FundWatchInput
import FundWatchPipeline
import FundWatchReports
import FundWatchStore

/// What an upload answered: the 审核报告 a page shows and the API returns.
struct UploadAnswer: Sendable {
    enum Outcome: String, Sendable {
        case new, newVersion = "new_version", unchanged, rejected
    }

    var outcome: Outcome
    /// Why it was refused before validation counted (scope or lock), for the HTTP status.
    var refusal: Refusal?
    var header: SubmissionHeader?
    var version: StoredVersion?
    var digest: String?
    var findings: [Finding]
    var omitted: Int
    /// The review state after the upload.
    var review: ReviewStatus?
    /// What changed against the previous version (new versions only).
    var changes: [RegisterChange]
    var uploadID: Int64

    enum Refusal: Sendable { case scope, locked }
}

/// Receives uploads from pages and the API alike: validates them exactly as
/// `fundwatch validate` does, refuses another county's file and an approved month without
/// a correction note, stores them as `import` does, marks the month 待审核, and records the
/// attempt (accepted or not) in the uploads table and the audit log.
struct Uploads: Sendable {
    let core: PortalCore

    func receive(name: String, bytes: [UInt8], note: String, identity: Identity, address: String) async throws -> UploadAnswer {
        let input = SubmissionInput.memory(name: name, bytes: bytes)
        let report = await core.pipeline.validate([input])
        var findings = report.inputFindings + report.outcomes.flatMap(\.findings.findings)
        let omitted = report.outcomes.reduce(0) { $0 + $1.findings.omitted }
        let header = report.outcomes.count == 1 ? report.outcomes[0].header : nil
        let digest = report.outcomes.count == 1 ? report.outcomes[0].digest : nil
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        var refusal: UploadAnswer.Refusal?
        var rejected = report.hasErrors

        if !rejected, report.outcomes.count != 1 {
            findings.append(Self.finding(.portalOneReturn, file: name, detail: "(\(report.outcomes.count))"))
            rejected = true
        }
        if !rejected, let header, !identity.scope.contains(header.countyCode) {
            findings.append(Self.finding(.portalCountyScope, file: name, detail: ": \(header.countyCode)"))
            rejected = true
            refusal = .scope
        }
        var review: ReviewStatus?
        if !rejected, let header {
            review = ReviewStatus(countyCode: header.countyCode, period: header.period,
                                  events: try await core.store.portal.reviewEvents(county: header.countyCode, period: header.period))
            let known = try await core.store.versions(county: header.countyCode, period: header.period).map(\.digest)
            if review?.isLocked == true, !known.contains(digest ?? ""), note.isEmpty {
                findings.append(Self.finding(.portalLocked, file: name, detail: ""))
                rejected = true
                refusal = .locked
            }
        }
        // A clerk's attempts are filed under the clerk's county, whatever the file says, so
        // another county never sees them; the city's under the file's county.
        let fileCounty = identity.scope.onlyCounty ?? header?.countyCode
        let onBehalf = identity.user.role == .city
        let findingsJSON = JSONValue.array(findings.map(FindingsJSON.finding)).serialized()

        guard !rejected, let header else {
            let id = try await core.store.portal.recordUpload(UploadRecord(
                at: core.now(), actor: identity.user.name, countyCode: fileCounty, period: header?.period, fileName: name, outcome: "rejected",
                digest: digest, submissionID: nil, onBehalf: onBehalf, note: note, findingsJSON: findingsJSON))
            try await core.audit(identity.user.name, "upload", "rejected",
                                 "\(name) \(fileCounty ?? "-") \(header?.period.description ?? "-") \(findings.filter { $0.severity == .error }.count) error(s)",
                                 address: address)
            return UploadAnswer(outcome: .rejected, refusal: refusal, header: header, version: nil, digest: digest, findings: findings,
                                omitted: omitted, review: review, changes: [], uploadID: id)
        }

        let previous = try await core.store.versions(county: header.countyCode, period: header.period).last
        var stored: ImportedSubmission?
        _ = try await core.pipeline.importSubmissions([input], into: core.store, importedAt: Timestamp.utc(core.now())) { event in
            if case .stored(let s) = event { stored = s }
        }
        guard let stored else { throw PipelineError.storeUnavailable("the upload \(name) was validated but not stored") }
        let outcome: UploadAnswer.Outcome = switch stored.outcome {
        case .new: .new
        case .newVersion: .newVersion
        case .unchanged: .unchanged
        }
        if outcome != .unchanged {
            let actor = identity.user.name + (onBehalf ? "(代报)" : "")
            review = try await Reviews(core: core).append(county: header.countyCode, period: header.period, state: .received,
                                                          submissionID: stored.version?.id, reason: note, actor: actor)
        }
        var changes: [RegisterChange] = []
        if outcome == .newVersion, let previous, let current = stored.version {
            changes = RegisterChange.between(try await core.store.load(previous.id), try await core.store.load(current.id))
        }
        let id = try await core.store.portal.recordUpload(UploadRecord(
            at: core.now(), actor: identity.user.name, countyCode: header.countyCode, period: header.period, fileName: name,
            outcome: outcome.rawValue, digest: stored.digest, submissionID: stored.version?.id, onBehalf: onBehalf, note: note,
            findingsJSON: findingsJSON))
        try await core.audit(identity.user.name, "upload", outcome.rawValue,
                             "\(name) \(header.countyCode) \(header.period) sha256:\(stored.digest)\(onBehalf ? " 代报" : "")", address: address)
        return UploadAnswer(outcome: outcome, refusal: nil, header: header, version: stored.version, digest: stored.digest, findings: findings,
                            omitted: omitted, review: review, changes: changes, uploadID: id)
    }

    static func finding(_ rule: Rule, file: String, detail: String) -> Finding {
        Finding(file: file, line: nil, rule: rule.id, severity: rule.severity, message: rule.message + detail,
                messageEN: rule.messageEN + detail, expected: rule.expected)
    }
}
