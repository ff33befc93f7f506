import FundWatchCore

/// A value in a store row, whatever the database.
public enum StoreValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case null

    public var text: String? { if case .text(let s) = self { s } else { nil } }
    public var integer: Int64? { if case .integer(let n) = self { n } else { nil } }
}

/// The tables both stores share, and the mapping between `Submission` and rows, written
/// once. Money is integer fen; dates `YYYY-MM-DD` text; booleans 0/1; code lists `;`-joined.
public enum StoreSchema {
    /// Current schema version; migrations bring older stores up to it (v4 rebuilds the
    /// register tables for speed; v5 adds `fundwatch_meta`; v6 keeps draws as data; v7 adds
    /// the explanations of plausibility warnings; v8 keeps each version's month figures;
    /// v9 adds the tip-off register; v10 the subject of a case; v11 indexes a month's versions
    /// by their order and digest).
    public static let version = 11

    /// Version 11: a county's month read without reading its versions (``StoredMonth``): its
    /// versions in the order the current-version rule defines, and by content digest; and a
    /// version's upload record by the version (it was a scan of every upload). Receiving a
    /// return costs the same whatever the month's and the store's history.
    public static let version11 = [
        "CREATE INDEX submissions_month_order ON submissions (county_code, period, submitted_on, id)",
        "CREATE INDEX submissions_month_digest ON submissions (county_code, period, digest)",
        "CREATE INDEX uploads_version ON uploads (submission_id)",
    ]

    /// Version 10: whom a case is about (`subject_type`, an institution by default), and a
    /// physician's number and points.
    public static let version10 = [
        "ALTER TABLE cases ADD COLUMN subject_type TEXT NOT NULL DEFAULT 'institution'",
        "ALTER TABLE cases ADD COLUMN physician_id TEXT",
        "ALTER TABLE cases ADD COLUMN points BIGINT",
    ]

    /// Version 9: the tip-off register (举报线索台账), a row per tip-off like the other
    /// registers; its reporter is sealed as a case's is. `withoutRowID`: SQLite's clause
    /// keeping rows in key order (empty for PostgreSQL).
    public static func version9(withoutRowID: String) -> [String] {
        [
            """
            CREATE TABLE tipoffs (
              submission_id BIGINT NOT NULL REFERENCES submissions(id), row_no BIGINT NOT NULL,
              tipoff_id TEXT NOT NULL, received_on TEXT NOT NULL, channel TEXT NOT NULL, real_name BIGINT NOT NULL,
              subject_type TEXT NOT NULL, institution_code TEXT, decided_on TEXT, decision TEXT, informed_on TEXT,
              closed_on TEXT, substantiated BIGINT NOT NULL, case_id TEXT, feedback_on TEXT,
              reward_paid BIGINT NOT NULL, reward_paid_on TEXT, reporter TEXT NOT NULL,
              PRIMARY KEY (submission_id, row_no))\(withoutRowID)
            """
        ]
    }

    /// Version 8: each version's figures of its own month (``ReturnProfile/monthMetrics``,
    /// integers, fen for money), written with the version, so the plausibility checks of a
    /// later month read an earlier one without its institutions and without computing its
    /// metrics. A version stored before has no row here and is read whole.
    public static let version8 = [
        """
        CREATE TABLE month_figures (
          submission_id BIGINT PRIMARY KEY REFERENCES submissions(id),
          \(monthFigureColumns.map { "\($0) BIGINT NOT NULL" }.joined(separator: ", ")))
        """
    ]

    /// Version 5: facts about the store as a whole, such as how its content digests treat
    /// reporters (`digest_scheme`), so they are recomputed when that changes.
    public static let version5 = ["CREATE TABLE fundwatch_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"]

    /// `CREATE TABLE` statements of version 1; `idColumn` is the dialect's auto-increment key.
    public static func version1(idColumn: String) -> [String] {
        [
            """
            CREATE TABLE submissions (
              id \(idColumn),
              county_code TEXT NOT NULL, county_name TEXT NOT NULL, period TEXT NOT NULL,
              prepared_by TEXT NOT NULL, submitted_on TEXT NOT NULL, digest TEXT NOT NULL,
              imported_at TEXT NOT NULL, origin TEXT NOT NULL,
              institution_count BIGINT NOT NULL, inspection_count BIGINT NOT NULL, case_count BIGINT NOT NULL)
            """,
            "CREATE INDEX submissions_county_period ON submissions (county_code, period)",
            """
            CREATE TABLE institutions (
              submission_id BIGINT NOT NULL REFERENCES submissions(id), row_no BIGINT NOT NULL,
              \(institutionColumns.map { "\($0) TEXT NOT NULL" }.joined(separator: ", ")),
              PRIMARY KEY (submission_id, row_no))
            """,
            """
            CREATE TABLE inspections (
              submission_id BIGINT NOT NULL REFERENCES submissions(id), row_no BIGINT NOT NULL,
              institution_code TEXT NOT NULL, inspected_on TEXT NOT NULL, method TEXT NOT NULL, problems_found BIGINT NOT NULL,
              PRIMARY KEY (submission_id, row_no))
            """,
            """
            CREATE TABLE cases (
              submission_id BIGINT NOT NULL REFERENCES submissions(id), row_no BIGINT NOT NULL,
              case_id TEXT NOT NULL, institution_code TEXT NOT NULL, opened_on TEXT NOT NULL, closed_on TEXT,
              source TEXT NOT NULL, violations TEXT NOT NULL,
              amount_involved BIGINT NOT NULL, amount_refused BIGINT NOT NULL, amount_recovered BIGINT NOT NULL,
              damages BIGINT NOT NULL, fine BIGINT NOT NULL, voluntary_refund BIGINT NOT NULL,
              actions TEXT NOT NULL, suspension_months BIGINT,
              police_transfer_on TEXT, discipline_transfer_on TEXT, exposed_on TEXT,
              public_attention BIGINT NOT NULL, notice_submitted_on TEXT,
              reward_paid BIGINT NOT NULL, discovery TEXT NOT NULL, facts TEXT NOT NULL, outcome TEXT NOT NULL, basis TEXT NOT NULL,
              reporter TEXT NOT NULL,
              PRIMARY KEY (submission_id, row_no))
            """,
        ]
    }

    // MARK: Columns (after submission_id, row_no)

    public static let submissionColumns = [
        "county_code", "county_name", "period", "prepared_by", "submitted_on", "digest",
        "imported_at", "origin", "institution_count", "inspection_count", "case_count",
    ]
    public static let institutionColumns = ["code", "name", "category", "agreement_status"]
    public static let inspectionColumns = ["institution_code", "inspected_on", "method", "problems_found"]
    /// Every column of `cases` a report may read: deliberately without `reporter`.
    public static let caseColumns = [
        "case_id", "institution_code", "opened_on", "closed_on", "source", "violations",
        "amount_involved", "amount_refused", "amount_recovered", "damages", "fine", "voluntary_refund",
        "actions", "suspension_months", "police_transfer_on", "discipline_transfer_on", "exposed_on",
        "public_attention", "notice_submitted_on", "reward_paid", "subject_type", "physician_id", "points",
        "discovery", "facts", "outcome", "basis",
    ]
    /// The case columns a summary needs: without the four texts (发现过程, 违法违规事实, 处理结果,
    /// 处理依据), which only a notice document shows.
    public static let caseColumnsWithoutTexts = Array(caseColumns.dropLast(4))
    /// Columns written on import: the readable ones plus the confidential reporter.
    public static let caseWriteColumns = caseColumns + ["reporter"]
    /// Every column of `tipoffs` a report may read: deliberately without `reporter`.
    public static let tipoffColumns = [
        "tipoff_id", "received_on", "channel", "real_name", "subject_type", "institution_code", "decided_on", "decision",
        "informed_on", "closed_on", "substantiated", "case_id", "feedback_on", "reward_paid", "reward_paid_on",
    ]
    /// Columns written on import: the readable ones plus the sealed reporter.
    public static let tipoffWriteColumns = tipoffColumns + ["reporter"]
    /// The columns of `month_figures` (after `submission_id`): ``ReturnProfile/monthMetrics``.
    public static let monthFigureColumns = ReturnProfile.monthMetrics.map(\.rawValue)
    /// The case columns the plausibility checks read (``CaseFacts``).
    public static let profileCaseColumns =
        ["case_id", "opened_on", "closed_on", "violations"] + CaseFacts.amountFields + ["actions", "subject_type"]
    /// The inspection columns the plausibility checks read (``InspectionKey``).
    public static let profileInspectionColumns = ["institution_code", "inspected_on", "method"]
    /// The columns of `versions` queries.
    public static let versionColumns = [
        "id", "county_code", "county_name", "period", "submitted_on", "digest", "imported_at", "origin",
        "institution_count", "inspection_count", "case_count",
    ]

    /// ``SubmissionStore/month(county:period:digest:)`` in three statements, `?` placeholders:
    /// the count (county, period); the current version (county, period): first in the order
    /// the core's rule defines (``isNewer(_:than:)``: `submitted_on`, then the later import); the
    /// version with a digest and its number in the month (county, period, digest).
    public static let monthCount = "SELECT COUNT(*) FROM submissions WHERE county_code = ? AND period = ?"
    public static let monthCurrent =
        "SELECT \(list(versionColumns)) FROM submissions WHERE county_code = ? AND period = ?"
        + " ORDER BY submitted_on DESC, id DESC LIMIT 1"
    public static let monthMatching =
        "SELECT \(list(versionColumns.map { "s." + $0 })),"
        + " (SELECT COUNT(*) FROM submissions t WHERE t.county_code = s.county_code AND t.period = s.period AND t.id <= s.id)"
        + " FROM submissions s WHERE s.county_code = ? AND s.period = ? AND s.digest = ? ORDER BY s.id LIMIT 1"

    /// The current version of each month of one county (the county bound three times): the
    /// first, in the order the core's rule defines (``isNewer(_:than:)``: `submitted_on`, then
    /// the later import), of each month, found by walking the county's months in the index
    /// (a loose index scan) rather than reading its versions. Oldest import first.
    public static let monthCurrents =
        "WITH RECURSIVE m(month) AS (SELECT MIN(period) FROM submissions WHERE county_code = ?"
        + " UNION ALL SELECT (SELECT MIN(period) FROM submissions WHERE county_code = ? AND period > m.month) FROM m WHERE m.month IS NOT NULL)"
        + " SELECT \(list(versionColumns.map { "s." + $0 })) FROM m JOIN submissions s ON s.id = (SELECT t.id FROM submissions t"
        + " WHERE t.county_code = ? AND t.period = m.month ORDER BY t.submitted_on DESC, t.id DESC LIMIT 1) ORDER BY s.id"

    /// Each county's latest return: the first version of each county in the order (period,
    /// then the rule's order), found by walking the counties in the index. Oldest import first.
    public static let latestReturns =
        "WITH RECURSIVE c(code) AS (SELECT MIN(county_code) FROM submissions"
        + " UNION ALL SELECT (SELECT MIN(county_code) FROM submissions WHERE county_code > c.code) FROM c WHERE c.code IS NOT NULL)"
        + " SELECT \(list(versionColumns.map { "s." + $0 })) FROM c JOIN submissions s ON s.id = (SELECT t.id FROM submissions t"
        + " WHERE t.county_code = c.code ORDER BY t.period DESC, t.submitted_on DESC, t.id DESC LIMIT 1) ORDER BY s.id"

    /// Whether a county's month holds any version, and one with a digest (county, period,
    /// county, period, digest bound): what storing a return must know, read from the indexes
    /// without reading the month's versions.
    public static let monthHolds =
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM submissions WHERE county_code = ? AND period = ?) THEN 1 ELSE 0 END,"
        + " CASE WHEN EXISTS (SELECT 1 FROM submissions WHERE county_code = ? AND period = ? AND digest = ?) THEN 1 ELSE 0 END"

    /// The outcome of storing a return, from the row of ``monthHolds``: unchanged when its
    /// content is stored, else a new version when the month has one, else new.
    public static func outcome(holds row: [StoreValue]?) -> ImportOutcome {
        if row?.last?.integer == 1 { return .unchanged }
        return row?.first?.integer == 1 ? .newVersion : .new
    }

    /// The month read by those three statements' rows.
    public static func month(count: [[StoreValue]], current: [[StoreValue]], matching: [[StoreValue]]) throws(StoreError) -> StoredMonth {
        var found: StoredMonth.Numbered?
        if let row = matching.first {
            guard let number = row.last?.integer else { throw StoreError.damaged("a version's number in its month did not read") }
            found = StoredMonth.Numbered(version: try version(Array(row.dropLast())), number: Int(number))
        }
        return StoredMonth(count: Int(count.first?.first?.integer ?? 0), current: try current.first.map(version), matching: found)
    }

    // MARK: Submission → rows

    public static func submissionRow(_ s: Submission, digest: String, origin: String, importedAt: String) -> [StoreValue] {
        let h = s.header
        return [
            .text(h.countyCode), .text(h.countyName), .text(h.period.description), .text(h.preparedBy),
            .text(h.submittedOn.description), .text(digest), .text(importedAt), .text(origin),
            .integer(Int64(s.institutions.count)), .integer(Int64(s.inspections.count)), .integer(Int64(s.cases.count)),
        ]
    }

    /// The register rows of a submission as both stores write them (without `submission_id`
    /// and `row_no`, known only when writing). An import makes them on the reading threads,
    /// so the single writer only binds and steps.
    public struct RegisterRows: Sendable {
        public var institutions: [[StoreValue]]
        public var inspections: [[StoreValue]]
        public var cases: [[StoreValue]]
        public var tipoffs: [[StoreValue]]
        /// The month's figures (``ReturnProfile/monthFigures(of:)``), kept in `month_figures`.
        public var monthFigures: [MetricKey: Int64]

        /// The rows of `s`; each case's reporter is stored as `sealReporter` makes it (never
        /// the plain text: encrypted, or only whether there was one).
        public init(_ s: Submission, sealReporter: (String) -> String = StoreSchema.reporterPresence) {
            institutions = s.institutions.map(StoreSchema.institutionRow)
            inspections = s.inspections.map(StoreSchema.inspectionRow)
            cases = s.cases.map { StoreSchema.caseWriteRow($0, reporter: sealReporter($0.reporter.revealedForStorage)) }
            tipoffs = s.tipoffs.map { StoreSchema.tipoffWriteRow($0, reporter: sealReporter($0.reporter.revealedForStorage)) }
            monthFigures = ReturnProfile.monthFigures(of: s)
        }

        /// The `month_figures` values, in ``StoreSchema/monthFigureColumns`` order.
        public var monthFigureRow: [StoreValue] { ReturnProfile.monthMetrics.map { .integer(monthFigures[$0] ?? 0) } }
    }

    /// The reporter reduced to whether there was one (`present` or empty): what a store
    /// keeps when no key is configured to encrypt it.
    public static let reporterPresence: @Sendable (String) -> String = { $0.isEmpty ? "" : "present" }

    public static func institutionRow(_ i: Institution) -> [StoreValue] {
        [.text(i.code), .text(i.name), .text(i.category.code), .text(i.agreementStatus.code)]
    }

    public static func inspectionRow(_ i: Inspection) -> [StoreValue] {
        [.text(i.institutionCode), .text(i.inspectedOn.description), .text(i.method.code), .integer(i.problemsFound ? 1 : 0)]
    }

    /// A case as stored; `reporter` is the sealed reporter (see ``RegisterRows``).
    public static func caseWriteRow(_ c: CaseRecord, reporter: String) -> [StoreValue] {
        func day(_ d: Day?) -> StoreValue { d.map { .text($0.description) } ?? .null }
        return [
            .text(c.caseID), .text(c.institutionCode), .text(c.openedOn.description), day(c.closedOn), .text(c.source.code),
            .text(c.violations.map(\.code).joined(separator: ";")),
            .integer(c.amountInvolved.fen), .integer(c.amountRefused.fen), .integer(c.amountRecovered.fen),
            .integer(c.damages.fen), .integer(c.fine.fen), .integer(c.voluntaryRefund.fen),
            .text(c.actions.map(\.code).joined(separator: ";")), c.suspensionMonths.map { .integer(Int64($0)) } ?? .null,
            day(c.policeTransferOn), day(c.disciplineTransferOn), day(c.exposedOn),
            .integer(c.publicAttention ? 1 : 0), day(c.noticeSubmittedOn), .integer(c.rewardPaid.fen),
            .text(c.subjectType.code), c.physicianID.map(StoreValue.text) ?? .null, c.points.map { .integer(Int64($0)) } ?? .null,
            .text(c.discovery), .text(c.facts), .text(c.outcome), .text(c.basis),
            .text(reporter),
        ]
    }

    /// A tip-off as stored; `reporter` is the sealed reporter (see ``RegisterRows``).
    public static func tipoffWriteRow(_ t: Tipoff, reporter: String) -> [StoreValue] {
        func day(_ d: Day?) -> StoreValue { d.map { .text($0.description) } ?? .null }
        func text(_ s: String?) -> StoreValue { s.map(StoreValue.text) ?? .null }
        return [
            .text(t.tipoffID), .text(t.receivedOn.description), .text(t.channel.code), .integer(t.realName ? 1 : 0), .text(t.subjectType.code),
            text(t.institutionCode), day(t.decidedOn), text(t.decision?.code), day(t.informedOn), day(t.closedOn),
            .integer(t.substantiated ? 1 : 0), text(t.caseID), day(t.feedbackOn), .integer(t.rewardPaid.fen), day(t.rewardPaidOn),
            .text(reporter),
        ]
    }

    // MARK: Rows → Submission

    static func text(_ v: StoreValue, _ what: String) throws(StoreError) -> String {
        guard let s = v.text else { throw StoreError.damaged("store row has no text for \(what)") }
        return s
    }

    static func day(_ v: StoreValue, _ what: String) throws(StoreError) -> Day? {
        guard let s = v.text else { return nil }
        guard let d = Day(iso: s) else { throw StoreError.damaged("store row has an invalid date for \(what): \(s)") }
        return d
    }

    static func money(_ v: StoreValue) -> Money { Money(fen: v.integer ?? 0) }

    static func code<C: LabelledCode>(_ v: StoreValue, _ what: String) throws(StoreError) -> C {
        guard let c = C(rawValue: try text(v, what)) else { throw StoreError.damaged("store row has an unknown code for \(what)") }
        return c
    }

    static func codes<C: LabelledCode>(_ v: StoreValue, _ what: String) throws(StoreError) -> [C] {
        var text = try text(v, what)
        if text.isEmpty { return [] }
        let (codes, unknown) = text.withUTF8 { C.table.list($0, labels: false) }
        guard unknown.isEmpty else { throw StoreError.damaged("store row has an unknown code for \(what)") }
        return codes
    }

    public static func version(_ r: [StoreValue]) throws(StoreError) -> StoredVersion {
        guard r.count == versionColumns.count, let id = r[0].integer,
            let period = YearMonth(iso: try text(r[3], "period")), let submitted = try day(r[4], "submitted_on")
        else {
            throw StoreError.damaged("store has a malformed submissions row")
        }
        return StoredVersion(
            id: id, countyCode: try text(r[1], "county_code"), countyName: try text(r[2], "county_name"),
            period: period, submittedOn: submitted, digest: try text(r[5], "digest"),
            importedAt: try text(r[6], "imported_at"), origin: try text(r[7], "origin"),
            institutionCount: Int(r[8].integer ?? 0), inspectionCount: Int(r[9].integer ?? 0), caseCount: Int(r[10].integer ?? 0))
    }

    public static func header(_ r: [StoreValue]) throws(StoreError) -> SubmissionHeader {
        guard let period = YearMonth(iso: try text(r[2], "period")), let submitted = try day(r[4], "submitted_on") else {
            throw StoreError.damaged("store has a malformed submissions row")
        }
        return SubmissionHeader(
            countyCode: try text(r[0], "county_code"), countyName: try text(r[1], "county_name"), period: period,
            preparedBy: try text(r[3], "prepared_by"), submittedOn: submitted)
    }

    public static func institution(_ r: [StoreValue]) throws(StoreError) -> Institution {
        Institution(
            code: try text(r[0], "code"), name: try text(r[1], "name"), category: try code(r[2], "category"),
            agreementStatus: try code(r[3], "agreement_status"))
    }

    public static func inspection(_ r: [StoreValue]) throws(StoreError) -> Inspection {
        guard let on = try day(r[1], "inspected_on") else { throw StoreError.damaged("store inspection row has no date") }
        return Inspection(
            institutionCode: try text(r[0], "institution_code"), inspectedOn: on, method: try code(r[2], "method"),
            problemsFound: r[3].integer == 1)
    }

    /// A tip-off from ``tipoffColumns``; the reporter stays empty.
    public static func tipoff(_ r: [StoreValue]) throws(StoreError) -> Tipoff {
        guard r.count == tipoffColumns.count, let received = try day(r[1], "received_on") else {
            throw StoreError.damaged("store tip-off row is malformed")
        }
        var t = Tipoff(
            tipoffID: try text(r[0], "tipoff_id"), receivedOn: received, channel: try code(r[2], "channel"), realName: r[3].integer == 1,
            subjectType: try code(r[4], "subject_type"))
        t.institutionCode = r[5].text
        t.decidedOn = try day(r[6], "decided_on")
        t.decision = try r[7].text == nil ? nil : code(r[7], "decision") as TipoffDecision
        t.informedOn = try day(r[8], "informed_on")
        t.closedOn = try day(r[9], "closed_on")
        t.substantiated = r[10].integer == 1
        t.caseID = r[11].text
        t.feedbackOn = try day(r[12], "feedback_on")
        t.rewardPaid = money(r[13])
        t.rewardPaidOn = try day(r[14], "reward_paid_on")
        return t
    }

    /// A case from the readable columns (``caseColumns``, or ``caseColumnsWithoutTexts``
    /// leaving the texts empty); the reporter stays empty.
    public static func caseRecord(_ r: [StoreValue]) throws(StoreError) -> CaseRecord {
        guard r.count == caseColumns.count || r.count == caseColumnsWithoutTexts.count else {
            throw StoreError.damaged("store case row is malformed")
        }
        guard let opened = try day(r[2], "opened_on"), let source = CaseSource(codeOrLabel: try text(r[4], "source")) else {
            throw StoreError.damaged("store case row is malformed")
        }
        var c = CaseRecord(
            caseID: try text(r[0], "case_id"), institutionCode: try text(r[1], "institution_code"), openedOn: opened,
            source: source, violations: try codes(r[5], "violations"))
        c.closedOn = try day(r[3], "closed_on")
        c.amountInvolved = money(r[6])
        c.amountRefused = money(r[7])
        c.amountRecovered = money(r[8])
        c.damages = money(r[9])
        c.fine = money(r[10])
        c.voluntaryRefund = money(r[11])
        c.actions = try codes(r[12], "actions")
        c.suspensionMonths = r[13].integer.map { Int($0) }
        c.policeTransferOn = try day(r[14], "police_transfer_on")
        c.disciplineTransferOn = try day(r[15], "discipline_transfer_on")
        c.exposedOn = try day(r[16], "exposed_on")
        c.publicAttention = r[17].integer == 1
        c.noticeSubmittedOn = try day(r[18], "notice_submitted_on")
        c.rewardPaid = money(r[19])
        c.subjectType = try code(r[20], "subject_type")
        c.physicianID = r[21].text
        c.points = r[22].integer.map { Int($0) }
        guard r.count == caseColumns.count else { return c }
        c.discovery = try text(r[23], "discovery")
        c.facts = try text(r[24], "facts")
        c.outcome = try text(r[25], "outcome")
        c.basis = try text(r[26], "basis")
        return c
    }

    // MARK: Rows → profile

    /// The columns of a profile's head: from `submissions`, then `month_figures` (NULL when
    /// the version was stored before schema v8). Select them from
    /// `submissions LEFT JOIN month_figures ON month_figures.submission_id = submissions.id`.
    public static let profileHeadColumns =
        ["submissions.county_code", "submissions.period", "submissions.institution_count"] + monthFigureColumns.map { "month_figures.\($0)" }

    /// Whether a profile's head (``profileHeadColumns``) has its month figures: a version
    /// stored before schema v8 has none, and is read whole.
    public static func hasMonthFigures(_ head: [StoreValue]) -> Bool {
        head.count == profileHeadColumns.count && head[3...].allSatisfy { $0.integer != nil }
    }

    /// The profile of a stored version from its head (``profileHeadColumns``, with month
    /// figures: ``hasMonthFigures(_:)``) and its narrow register rows
    /// (``profileCaseColumns``, ``profileInspectionColumns``).
    public static func profile(head r: [StoreValue], cases: [[StoreValue]], inspections: [[StoreValue]]) throws(StoreError) -> ReturnProfile {
        guard hasMonthFigures(r), let period = YearMonth(iso: try text(r[1], "period")) else {
            throw StoreError.damaged("store has a malformed submissions row")
        }
        var month: [MetricKey: Int64] = [:]
        for (offset, key) in ReturnProfile.monthMetrics.enumerated() { month[key] = r[3 + offset].integer }
        return ReturnProfile(
            countyCode: try text(r[0], "county_code"), period: period, institutionCount: Int(r[2].integer ?? 0),
            cases: try cases.map(caseFacts), inspections: try inspections.map(inspectionKey), month: month)
    }

    /// A case's ``CaseFacts`` from ``profileCaseColumns``.
    static func caseFacts(_ r: [StoreValue]) throws(StoreError) -> CaseFacts {
        guard r.count == profileCaseColumns.count, let opened = try day(r[1], "opened_on") else {
            throw StoreError.damaged("store case row is malformed")
        }
        return CaseFacts(
            caseID: try text(r[0], "case_id"), openedOn: opened, closedOn: try day(r[2], "closed_on"), amounts: r[4...9].map(money),
            violations: try text(r[3], "violations"), actions: try text(r[10], "actions"), subjectType: try code(r[11], "subject_type"))
    }

    /// An inspection's ``InspectionKey`` from ``profileInspectionColumns``.
    static func inspectionKey(_ r: [StoreValue]) throws(StoreError) -> InspectionKey {
        guard r.count == profileInspectionColumns.count, let on = try day(r[1], "inspected_on") else {
            throw StoreError.damaged("store inspection row is malformed")
        }
        return InspectionKey(institutionCode: try text(r[0], "institution_code"), day: on, method: try text(r[2], "method"))
    }

    /// `SELECT` lists.
    public static func list(_ columns: [String]) -> String { columns.joined(separator: ", ") }
}
