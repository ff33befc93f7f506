import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchPipeline
import FundWatchReports
import FundWatchReturnsStore
import FundWatchStore

/// A return as it arrives: the file's bytes, its name, and a 更正说明 for a correction.
public struct Upload: Sendable {
    public var name: String
    public var bytes: [UInt8]
    public var note: String

    public init(name: String, bytes: [UInt8], note: String = "") {
        self.name = name
        self.bytes = bytes
        self.note = note.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// What receiving a return gave: the 审核报告 a page shows and the API returns.
public struct Receipt: Sendable {
    /// What the store did; nil when the return was refused (nothing stored).
    public var outcome: ImportOutcome?
    /// The rule that refused it before its content counted (another county's, a locked
    /// month), for the answer's status; nil for findings in the file.
    public var refusal: Refusal.Kind?
    public var header: SubmissionHeader?
    /// The stored version: the new one, or the one with the same content (unchanged).
    public var version: StoredVersion?
    /// Its number among its county and month's versions (1 = the first imported).
    public var number: Int?
    public var digest: String?
    public var findings: [Finding]
    public var omitted: Int
    /// The month's review status after the upload, from its last review event (its state and
    /// lock, not its history: receiving reads no more, whatever the month's history).
    public var review: ReviewStatus?
    /// What changed against the version that was current before (new versions only).
    public var changes: [RegisterChange]
    public var uploadID: Int64
    /// Plausibility warnings of the stored version still unexplained (待说明).
    public var toExplain: Int = 0

    /// `new`, `new_version`, `unchanged` or `rejected`: the code the API and the upload records use.
    public var code: String { outcome?.rawValue ?? "rejected" }
    public var isRejected: Bool { outcome == nil }

    /// The review state of the stored version (`none`: not under review), else of the month.
    public var stateCode: String { version.map { review?.code(ofVersion: $0.id) ?? "none" } ?? review?.code ?? "none" }
    public var stateLabel: String { version.map { review?.label(ofVersion: $0.id) ?? "未送审" } ?? review?.label ?? "" }
}

extension ReturnCycle {
    /// The earliest period a return may have; the latest is the month after today's.
    public static let earliestPeriod = YearMonth(year: 2000, month: 1)!

    /// Receives a return from `user`: reads and validates it once, exactly as `fundwatch
    /// validate` does; refuses another county's file (a clerk's), an approved month without a
    /// correction note, a new version dated before the current one and a period out of
    /// range; stores an accepted return as `import` does. The version, its 待审核 event, the
    /// upload record and the audit line are one transaction: all stored, or none (then the
    /// error is thrown). A refused return is answered with its findings and recorded.
    public func receive(_ upload: Upload, from user: PortalUser, address: String) async throws -> Receipt {
        let name = upload.name, note = upload.note, scope = Scope(user: user)
        let batch = await pipeline.read(.memory(name: name, bytes: upload.bytes))
        var findings = batch.inputFindings + batch.outcomes.flatMap(\.findings.findings)
        let omitted = batch.outcomes.reduce(0) { $0 + $1.findings.omitted }
        let one = batch.outcomes.count == 1 ? batch.outcomes[0] : nil
        let header = one?.header, digest = one?.digest
        var refusal: Refusal.Kind?
        var rejected = batch.hasErrors

        if !rejected, batch.outcomes.count != 1 {
            findings.append(Self.finding(.portalOneReturn, file: name, detail: "(\(batch.outcomes.count))"))
            rejected = true
        }
        if !rejected, let header, !scope.contains(header.countyCode) {
            findings.append(Self.finding(.portalCountyScope, file: name, detail: ": \(header.countyCode)"))
            rejected = true
            refusal = .outOfScope
        }
        if !rejected, let header, header.period < Self.earliestPeriod || header.period > today.yearMonth.next {
            findings.append(Self.finding(.portalPeriodRange, file: name, detail: ":\(header.period)"))
            rejected = true
        }
        var review: ReviewStatus?
        var month: StoredMonth?
        if !rejected, let header {
            review = ReviewStatus(
                countyCode: header.countyCode, period: header.period,
                events: try await store.returns.lastReviewEvent(county: header.countyCode, period: header.period).map { [$0] } ?? [])
            // What is known of the month, read at a cost that does not grow with its history.
            month = try await store.month(county: header.countyCode, period: header.period, digest: digest)
            let known = month?.matching != nil
            if !known, review?.isLocked == true, note.isEmpty {
                findings.append(Self.finding(.portalLocked, file: name, detail: ""))
                rejected = true
                refusal = .conflict
            } else if !known, let current = month?.current, header.submittedOn < current.submittedOn {
                findings.append(
                    Self.finding(
                        .portalBackdated, file: name,
                        detail: ":新版本 \(header.submittedOn),当前版本 \(current.submittedOn)"))
                rejected = true
            }
        }
        // 核实性审核: an accepted return's plausibility warnings against the county's earlier months.
        var warnings: [Finding] = []
        if !rejected, let one {
            warnings = try await pipeline.plausibility(of: one, against: store)
            findings += warnings
            for e in one.explanations where !warnings.contains(where: e.covers) {
                findings.append(
                    Self.finding(.portalExplanationUnmatched, file: name, detail: ":\(e.rule) \(e.key)"))
            }
        }
        // A clerk's attempts are filed under the clerk's county, whatever the file says, so
        // another county never sees them; the city's under the file's county.
        let fileCounty = scope.onlyCounty ?? header?.countyCode
        let onBehalf = user.role == .city
        let findingsJSON = JSONValue.array(findings.map(FindingJSON.encode)).serialized()
        let now = now()

        guard !rejected, let header, let one else {
            let record = UploadRecord(
                at: now, actor: user.name, countyCode: fileCounty, period: header?.period, fileName: name,
                outcome: "rejected", digest: digest, submissionID: nil, onBehalf: onBehalf, note: note, findingsJSON: findingsJSON)
            let audit = AuditEntry(
                at: now, actor: user.name, action: "upload", outcome: "rejected",
                detail:
                    "\(name) \(fileCounty ?? "-") \(header?.period.description ?? "-") \(findings.filter { $0.severity == .error }.count) error(s)",
                address: address)
            let returned = try await store.transaction([ReturnsTables.recordUpload(record), ReturnsTables.audit(audit)])
            return Receipt(
                outcome: nil, refusal: refusal, header: header, version: nil, number: nil, digest: digest, findings: findings,
                omitted: omitted, review: review, changes: [], uploadID: returned[0].first?.first?.integer ?? 0)
        }

        let previous = month?.current
        let explained = one.explanations.filter { e in warnings.contains(where: e.covers) }
        let actor = user.name + (onBehalf ? "(代报)" : "")
        // A reviewer acting on the same month at the same moment may take the event's number
        // first: nothing was stored then, and the whole receipt is tried again.
        var attempt = 0
        while true {
            attempt += 1
            do {
                let (stored, version, returned) = try await pipeline.record(one, into: store, importedAt: Timestamp.utc(now)) { outcome, version in
                    var statements: [SQLStatement] = []
                    if outcome != .unchanged, let version {
                        statements.append(
                            ReturnsTables.appendReceived(
                                county: header.countyCode, period: header.period, submissionID: version.id,
                                reason: note, actor: actor, at: now))
                    }
                    // Explanations the workbook carried (核实说明), for the warnings this version has.
                    if outcome != .unchanged, let version {
                        for e in explained {
                            let kept = Explanation(rule: e.rule, key: e.key, text: e.text, actor: actor, at: now)
                            statements.append(
                                ReturnsTables.recordExplanation(kept, county: header.countyCode, period: header.period, submissionID: version.id))
                        }
                    }
                    statements.append(
                        ReturnsTables.recordUpload(
                            UploadRecord(
                                at: now, actor: user.name, countyCode: header.countyCode, period: header.period, fileName: name,
                                outcome: outcome.rawValue,
                                digest: digest, submissionID: version?.id, onBehalf: onBehalf, note: note, findingsJSON: findingsJSON)))
                    statements.append(
                        ReturnsTables.audit(
                            AuditEntry(
                                at: now, actor: user.name, action: "upload", outcome: outcome.rawValue,
                                detail: "\(name) \(header.countyCode) \(header.period) sha256:\(digest ?? "")\(onBehalf ? " 代报" : "")"
                                    + (explained.isEmpty || outcome == .unchanged ? "" : " 核实说明 \(explained.count) 条"),
                                address: address)))
                    return statements
                }
                // Stored: from here on the answer says so, even if the store stops answering for a while.
                return try await onceStored { () throws(StoreError) in
                    let after = try await store.month(county: header.countyCode, period: header.period, digest: digest)
                    let storedVersion = version ?? after.matching?.version
                    review = ReviewStatus(
                        countyCode: header.countyCode, period: header.period,
                        events: try await store.returns.lastReviewEvent(county: header.countyCode, period: header.period).map { [$0] } ?? [])
                    var changes: [RegisterChange] = []
                    if stored == .newVersion, let previous, let version {
                        changes = RegisterChange.between(try await store.load(previous.id), try await store.load(version.id))
                    }
                    let uploadID = returned.dropLast().last?.first?.first?.integer ?? 0
                    let number = after.matching?.number
                    var receipt = Receipt(
                        outcome: stored, refusal: nil, header: header, version: storedVersion,
                        number: number, digest: digest, findings: findings,
                        omitted: omitted, review: review, changes: changes, uploadID: uploadID)
                    if let storedVersion, let number, storedVersion.id == after.current?.id {
                        receipt.toExplain = try await self.warnings(of: storedVersion, number: number).toExplain
                    }
                    return receipt
                }
            } catch PipelineError.storeConflict where attempt < 5 {
                continue
            }
        }
    }

    static func finding(_ rule: Rule, file: String, detail: String) -> Finding {
        Finding(
            file: file, line: nil, rule: rule.id, severity: rule.severity, message: rule.message + detail,
            messageEN: rule.messageEN + detail, expected: rule.expected)
    }
}
