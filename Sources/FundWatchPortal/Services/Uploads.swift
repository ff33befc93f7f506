import FundWatchCore
import FundWatchInput
import FundWatchPipeline
import FundWatchReports
import FundWatchStore
import FundWatchReturnsStore

/// What an upload answered: the 审核报告 a page shows and the API returns.
struct UploadAnswer: Sendable {
    enum Outcome: String, Sendable {
        case new, newVersion = "new_version", unchanged, rejected
    }

    var outcome: Outcome
    /// Why it was refused before validation counted (scope or lock), for the HTTP status.
    var refusal: Refusal?
    var header: SubmissionHeader?
    /// The stored version: the new one, or the one with the same content (unchanged).
    var version: StoredVersion?
    /// Its number among its county and month's versions (1 = the first imported).
    var number: Int?
    var digest: String?
    var findings: [Finding]
    var omitted: Int
    /// The review state after the upload.
    var review: ReviewStatus?
    /// What changed against the previous version (new versions only).
    var changes: [RegisterChange]
    var uploadID: Int64

    enum Refusal: Sendable { case scope, locked }

    /// The review state of the stored version (`none`: not under review), else of the month.
    var stateCode: String { version.map { review?.code(ofVersion: $0.id) ?? "none" } ?? review?.code ?? "none" }
    var stateLabel: String { version.map { review?.label(ofVersion: $0.id) ?? "未送审" } ?? review?.label ?? "" }
}

/// Receives uploads from pages and the API alike: reads and validates each once, exactly as
/// `fundwatch validate` does, refuses another county's file, an approved month without a
/// correction note, a new version dated before the current one and a period out of range,
/// and stores an accepted return as `import` does. The version, its 待审核 event, the upload
/// record and the audit line are one transaction: all stored, or none (then an error).
struct Uploads: Sendable {
    let core: PortalCore

    /// The earliest period a return may have; the latest is the month after today's.
    static let earliestPeriod = YearMonth(year: 2000, month: 1)!

    func receive(name: String, bytes: [UInt8], note: String, identity: Identity, address: String) async throws -> UploadAnswer {
        let batch = await core.pipeline.read(.memory(name: name, bytes: bytes))
        var findings = batch.inputFindings + batch.outcomes.flatMap(\.findings.findings)
        let omitted = batch.outcomes.reduce(0) { $0 + $1.findings.omitted }
        let one = batch.outcomes.count == 1 ? batch.outcomes[0] : nil
        let header = one?.header, digest = one?.digest
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        var refusal: UploadAnswer.Refusal?
        var rejected = batch.hasErrors

        if !rejected, batch.outcomes.count != 1 {
            findings.append(Self.finding(.portalOneReturn, file: name, detail: "(\(batch.outcomes.count))"))
            rejected = true
        }
        if !rejected, let header, !identity.scope.contains(header.countyCode) {
            findings.append(Self.finding(.portalCountyScope, file: name, detail: ": \(header.countyCode)"))
            rejected = true
            refusal = .scope
        }
        if !rejected, let header, header.period < Self.earliestPeriod || header.period > core.today.yearMonth.next {
            findings.append(Self.finding(.portalPeriodRange, file: name, detail: ":\(header.period)"))
            rejected = true
        }
        var review: ReviewStatus?
        var versions: [StoredVersion] = []
        if !rejected, let header {
            review = ReviewStatus(countyCode: header.countyCode, period: header.period,
                                  events: try await core.store.returns.reviewEvents(county: header.countyCode, period: header.period))
            versions = try await core.store.versions(county: header.countyCode, period: header.period)
            let known = versions.contains { $0.digest == digest }
            if !known, review?.isLocked == true, note.isEmpty {
                findings.append(Self.finding(.portalLocked, file: name, detail: ""))
                rejected = true
                refusal = .locked
            } else if !known, let current = versions.current, header.submittedOn < current.submittedOn {
                findings.append(Self.finding(.portalBackdated, file: name,
                                             detail: ":新版本 \(header.submittedOn),当前版本 \(current.submittedOn)"))
                rejected = true
            }
        }
        // A clerk's attempts are filed under the clerk's county, whatever the file says, so
        // another county never sees them; the city's under the file's county.
        let fileCounty = identity.scope.onlyCounty ?? header?.countyCode
        let onBehalf = identity.user.role == .city
        let findingsJSON = JSONValue.array(findings.map(FindingsJSON.finding)).serialized()
        let now = core.now()

        guard !rejected, let header, let one else {
            let upload = UploadRecord(at: now, actor: identity.user.name, countyCode: fileCounty, period: header?.period, fileName: name,
                                      outcome: UploadAnswer.Outcome.rejected.rawValue, digest: digest, submissionID: nil, onBehalf: onBehalf,
                                      note: note, findingsJSON: findingsJSON)
            let audit = AuditEntry(at: now, actor: identity.user.name, action: "upload", outcome: "rejected",
                                   detail: "\(name) \(fileCounty ?? "-") \(header?.period.description ?? "-") \(findings.filter { $0.severity == .error }.count) error(s)",
                                   address: address)
            let returned = try await core.store.transaction([ReturnsTables.recordUpload(upload), ReturnsTables.audit(audit)])
            return UploadAnswer(outcome: .rejected, refusal: refusal, header: header, version: nil, number: nil, digest: digest, findings: findings,
                                omitted: omitted, review: review, changes: [], uploadID: returned[0].first?.first?.integer ?? 0)
        }

        let previous = versions.current
        let actor = identity.user.name + (onBehalf ? "(代报)" : "")
        let user = identity.user.name
        // A reviewer acting on the same month at the same moment may take the event's number
        // first: nothing was stored then, and the whole receipt is tried again.
        var attempt = 0
        while true {
            attempt += 1
            do {
                let (stored, version, returned) = try await core.pipeline.record(one, into: core.store, importedAt: Timestamp.utc(now)) { outcome, version in
                    var statements: [SQLStatement] = []
                    let answer = UploadAnswer.Outcome(outcome)
                    if outcome != .unchanged, let version {
                        statements.append(ReturnsTables.appendReceived(county: header.countyCode, period: header.period, submissionID: version.id,
                                                                     reason: note, actor: actor, at: now))
                    }
                    statements.append(ReturnsTables.recordUpload(UploadRecord(
                        at: now, actor: user, countyCode: header.countyCode, period: header.period, fileName: name, outcome: answer.rawValue,
                        digest: digest, submissionID: version?.id, onBehalf: onBehalf, note: note, findingsJSON: findingsJSON)))
                    statements.append(ReturnsTables.audit(AuditEntry(
                        at: now, actor: user, action: "upload", outcome: answer.rawValue,
                        detail: "\(name) \(header.countyCode) \(header.period) sha256:\(digest ?? "")\(onBehalf ? " 代报" : "")", address: address)))
                    return statements
                }
                let outcome = UploadAnswer.Outcome(stored)
                let all = try await core.store.versions(county: header.countyCode, period: header.period)
                let storedVersion = version ?? all.first { $0.digest == digest }
                review = ReviewStatus(countyCode: header.countyCode, period: header.period,
                                      events: try await core.store.returns.reviewEvents(county: header.countyCode, period: header.period))
                var changes: [RegisterChange] = []
                if outcome == .newVersion, let previous, let version {
                    changes = RegisterChange.between(try await core.store.load(previous.id), try await core.store.load(version.id))
                }
                let uploadID = returned.dropLast().last?.first?.first?.integer ?? 0
                return UploadAnswer(outcome: outcome, refusal: nil, header: header, version: storedVersion,
                                    number: storedVersion.flatMap { all.number(of: $0.id) }, digest: digest, findings: findings,
                                    omitted: omitted, review: review, changes: changes, uploadID: uploadID)
            } catch PipelineError.storeConflict where attempt < 5 {
                continue
            }
        }
    }

    static func finding(_ rule: Rule, file: String, detail: String) -> Finding {
        Finding(file: file, line: nil, rule: rule.id, severity: rule.severity, message: rule.message + detail,
                messageEN: rule.messageEN + detail, expected: rule.expected)
    }
}

extension UploadAnswer.Outcome {
    /// The answer for a store's outcome.
    init(_ outcome: ImportOutcome) {
        switch outcome {
        case .new: self = .new
        case .newVersion: self = .newVersion
        case .unchanged: self = .unchanged
        }
    }
}
