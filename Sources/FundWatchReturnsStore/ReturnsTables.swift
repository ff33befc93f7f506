import FundWatchCore
import FundWatchStore

/// The portal's tables on either store, written once over ``SQLDatabase``: users, sessions,
/// API tokens, failed logins, review events, upload attempts and the audit log. Everything a
/// portal process knows about a user lives here, so two processes on one PostgreSQL behave
/// as one (a session made on one works on the other; throttles count across both).
public struct ReturnsTables: Sendable {
    public let database: any SQLDatabase

    public init(database: any SQLDatabase) { self.database = database }

    // MARK: Users

    private static let userColumns = "id, name, role, county_code, password_hash, disabled, created_at"

    private static func user(_ row: [StoreValue]) throws(StoreError) -> PortalUser {
        guard row.count == 7, let id = row[0].integer, let name = row[1].text, let role = row[2].text.flatMap(UserRole.init(rawValue:)),
            let hash = row[4].text, let disabled = row[5].integer, let created = row[6].integer
        else {
            throw StoreError.damaged("a row of the users table cannot be read")
        }
        return PortalUser(
            id: id, name: name, role: role, countyCode: row[3].text, passwordHash: hash, disabled: disabled != 0,
            createdAt: created)
    }

    /// Adds a user; a name already taken is a conflict.
    @discardableResult
    public func addUser(name: String, role: UserRole, countyCode: String?, passwordHash: String, at now: Int64) async throws(StoreError) -> PortalUser
    {
        let rows = try await database.write(
            "INSERT INTO users (name, role, county_code, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?) RETURNING \(Self.userColumns)",
            [.text(name), .text(role.rawValue), countyCode.map(StoreValue.text) ?? .null, .text(passwordHash), .integer(now)])
        guard let row = rows.first else { throw StoreError.damaged("the new user \(name) was not returned") }
        return try Self.user(row)
    }

    public func user(named name: String) async throws(StoreError) -> PortalUser? {
        try await database.query("SELECT \(Self.userColumns) FROM users WHERE name = ?", [.text(name)]).first.map { row throws(StoreError) in
            try Self.user(row)
        }
    }

    public func user(id: Int64) async throws(StoreError) -> PortalUser? {
        try await database.query("SELECT \(Self.userColumns) FROM users WHERE id = ?", [.integer(id)]).first.map { row throws(StoreError) in
            try Self.user(row)
        }
    }

    /// Every user, by name.
    public func users() async throws(StoreError) -> [PortalUser] {
        var out: [PortalUser] = []
        for row in try await database.query("SELECT \(Self.userColumns) FROM users ORDER BY name", []) { out.append(try Self.user(row)) }
        return out
    }

    /// Disables or enables a user; disabling ends the user's sessions and revokes the tokens at once.
    public func setDisabled(_ userID: Int64, _ disabled: Bool, at now: Int64) async throws(StoreError) {
        try await database.write("UPDATE users SET disabled = ? WHERE id = ?", [.integer(disabled ? 1 : 0), .integer(userID)])
        if disabled {
            try await endSessions(of: userID)
            try await revokeTokens(of: userID, at: now)
        }
    }

    /// Sets a new password hash, ends the user's sessions and revokes the user's API tokens,
    /// in one transaction with `audit`: a reset password leaves nothing the old one opened.
    public func setPassword(_ userID: Int64, hash: String, at now: Int64, audit: AuditEntry) async throws(StoreError) {
        try await database.transaction([
            SQLStatement("UPDATE users SET password_hash = ? WHERE id = ?", [.text(hash), .integer(userID)]),
            SQLStatement("DELETE FROM sessions WHERE user_id = ?", [.integer(userID)]),
            SQLStatement("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", [.integer(now), .integer(userID)]),
            Self.audit(audit),
        ])
    }

    // MARK: Failed logins

    /// What a login attempt may do (``reserveLogin(user:address:at:userSince:userLimit:addressSince:addressLimit:)``).
    public enum LoginReservation: Sendable, Equatable {
        /// Counted as a failure until it succeeds (``loginSucceeded(user:reservation:)``): go on to check the password.
        case reserved(Int64)
        /// The name has `userLimit` failures (or reservations) since `userSince`: locked.
        case userLocked
        /// The address has `addressLimit` since `addressSince`: throttled.
        case addressThrottled
    }

    /// Counts a login attempt before its password is checked, atomically across every portal
    /// process on this store: the attempt is recorded as a failure unless the name or the
    /// address is already at its limit, so a burst of simultaneous attempts gets at most
    /// `userLimit` password checks, never one per request.
    public func reserveLogin(
        user name: String, address: String, at now: Int64, userSince: Int64, userLimit: Int, addressSince: Int64,
        addressLimit: Int
    ) async throws(StoreError) -> LoginReservation {
        let counts =
            "SELECT (SELECT COUNT(*) FROM login_failures WHERE user_name = ? AND at >= ?), "
            + "(SELECT COUNT(*) FROM login_failures WHERE address = ? AND at >= ?)"
        let countValues: [StoreValue] = [.text(name), .integer(userSince), .text(address), .integer(addressSince)]
        var statements = database.serialized(on: "fundwatch-login").map { [$0] } ?? []
        statements.append(SQLStatement(counts, countValues))
        statements.append(
            SQLStatement(
                "INSERT INTO login_failures (user_name, address, at) SELECT ?, ?, ? WHERE (SELECT COUNT(*) FROM login_failures WHERE user_name = ? AND at >= ?) < ? "
                    + "AND (SELECT COUNT(*) FROM login_failures WHERE address = ? AND at >= ?) < ? RETURNING id",
                [
                    .text(name), .text(address), .integer(now), .text(name), .integer(userSince), .integer(Int64(userLimit)),
                    .text(address), .integer(addressSince), .integer(Int64(addressLimit)),
                ]))
        let results = try await database.transaction(statements)
        if let id = results.last?.first?.first?.integer { return .reserved(id) }
        let before = results[results.count - 2].first ?? []
        return (before.last?.integer ?? 0) >= Int64(addressLimit) ? .addressThrottled : .userLocked
    }

    /// A reserved attempt whose password was right: it and the failures of the name before it
    /// are forgotten (attempts reserved after it still count).
    public func loginSucceeded(user name: String, reservation: Int64) async throws(StoreError) {
        try await database.write("DELETE FROM login_failures WHERE user_name = ? AND id <= ?", [.text(name), .integer(reservation)])
    }

    /// Records a failed login outright (no reservation; for tests and tools).
    public func recordFailure(user name: String, address: String, at now: Int64) async throws(StoreError) {
        try await database.write(
            "INSERT INTO login_failures (user_name, address, at) VALUES (?, ?, ?)", [.text(name), .text(address), .integer(now)])
    }

    /// Failed logins of `name` since `since`.
    public func failures(user name: String, since: Int64) async throws(StoreError) -> Int {
        try await count("SELECT COUNT(*) FROM login_failures WHERE user_name = ? AND at >= ?", [.text(name), .integer(since)])
    }

    /// Failed logins from `address` since `since`.
    public func failures(address: String, since: Int64) async throws(StoreError) -> Int {
        try await count("SELECT COUNT(*) FROM login_failures WHERE address = ? AND at >= ?", [.text(address), .integer(since)])
    }

    /// Forgets the failures of `name`.
    public func clearFailures(user name: String) async throws(StoreError) {
        try await database.write("DELETE FROM login_failures WHERE user_name = ?", [.text(name)])
    }

    private func count(_ sql: String, _ values: [StoreValue]) async throws(StoreError) -> Int {
        Int(try await database.query(sql, values).first?.first?.integer ?? 0)
    }

    // MARK: Sessions

    public func createSession(_ session: PortalSession) async throws(StoreError) {
        try await database.write(
            "INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen, address) VALUES (?, ?, ?, ?, ?, ?)",
            [
                .text(session.tokenHash), .integer(session.userID), .text(session.csrf), .integer(session.createdAt),
                .integer(session.lastSeen), .text(session.address),
            ])
    }

    public func session(tokenHash: String) async throws(StoreError) -> PortalSession? {
        guard
            let row = try await database.query(
                "SELECT token_hash, user_id, csrf, created_at, last_seen, address FROM sessions WHERE token_hash = ?",
                [.text(tokenHash)]
            ).first
        else { return nil }
        guard let hash = row[0].text, let user = row[1].integer, let csrf = row[2].text, let created = row[3].integer,
            let seen = row[4].integer, let address = row[5].text
        else { throw StoreError.damaged("a row of the sessions table cannot be read") }
        return PortalSession(tokenHash: hash, userID: user, csrf: csrf, createdAt: created, lastSeen: seen, address: address)
    }

    /// A session and its user in one query (the lookup every page request makes).
    public func sessionUser(tokenHash: String) async throws(StoreError) -> (session: PortalSession, user: PortalUser)? {
        let columns = "u.id, u.name, u.role, u.county_code, u.password_hash, u.disabled, u.created_at"  // userColumns, qualified
        guard
            let row = try await database.query(
                "SELECT s.token_hash, s.user_id, s.csrf, s.created_at, s.last_seen, s.address, \(columns) FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
                [.text(tokenHash)]
            ).first
        else { return nil }
        guard row.count == 13, let hash = row[0].text, let userID = row[1].integer, let csrf = row[2].text, let created = row[3].integer,
            let seen = row[4].integer, let address = row[5].text
        else { throw StoreError.damaged("a row of the sessions table cannot be read") }
        let session = PortalSession(tokenHash: hash, userID: userID, csrf: csrf, createdAt: created, lastSeen: seen, address: address)
        return (session, try Self.user(Array(row[6...])))
    }

    /// A stamp that changes whenever the stored versions, the review events or the set of
    /// users change (each is only ever appended to, so a count and a largest id per table
    /// name its contents; the count also catches a row committed late under a smaller id).
    /// One query, so pages derived from all three can be kept until the stamp moves — in
    /// every portal process on the same database.
    public func revision() async throws(StoreError) -> String {
        let row =
            try await database.query(
                "SELECT (SELECT COUNT(*) FROM submissions), (SELECT COALESCE(MAX(id), 0) FROM submissions), "
                    + "(SELECT COUNT(*) FROM review_events), (SELECT COALESCE(MAX(id), 0) FROM review_events), "
                    + "(SELECT COUNT(*) FROM users), (SELECT COALESCE(MAX(id), 0) FROM users), "
                    + "(SELECT COALESCE(MAX(id), 0) FROM explanations)", []
            ).first ?? []
        return row.map { $0.integer.map(String.init) ?? "-" }.joined(separator: "/")
    }

    public func touchSession(tokenHash: String, at now: Int64) async throws(StoreError) {
        try await database.write("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", [.integer(now), .text(tokenHash)])
    }

    public func endSession(tokenHash: String) async throws(StoreError) {
        try await database.write("DELETE FROM sessions WHERE token_hash = ?", [.text(tokenHash)])
    }

    public func endSessions(of userID: Int64) async throws(StoreError) {
        try await database.write("DELETE FROM sessions WHERE user_id = ?", [.integer(userID)])
    }

    /// Deletes sessions idle since before `idleBefore` or created before `createdBefore`, and
    /// failed logins from before `failuresBefore` (no limit counts them any more).
    public func purge(sessionsIdleBefore idleBefore: Int64, createdBefore: Int64, failuresBefore: Int64) async throws(StoreError) {
        try await database.transaction([
            SQLStatement("DELETE FROM sessions WHERE last_seen < ? OR created_at < ?", [.integer(idleBefore), .integer(createdBefore)]),
            SQLStatement("DELETE FROM login_failures WHERE at < ?", [.integer(failuresBefore)]),
        ])
    }

    // MARK: API tokens

    public func addToken(userID: Int64, tokenHash: String, at now: Int64) async throws(StoreError) {
        try await database.write(
            "INSERT INTO api_tokens (user_id, token_hash, created_at) VALUES (?, ?, ?)",
            [.integer(userID), .text(tokenHash), .integer(now)])
    }

    /// The user of a token that is not revoked.
    public func tokenUser(tokenHash: String) async throws(StoreError) -> Int64? {
        try await database.query("SELECT user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", [.text(tokenHash)]).first?.first?
            .integer
    }

    /// Revokes every token of a user; returns how many were live.
    @discardableResult
    public func revokeTokens(of userID: Int64, at now: Int64) async throws(StoreError) -> Int {
        try await database.write(
            "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL RETURNING id",
            [.integer(now), .integer(userID)]
        ).count
    }

    // MARK: Review events

    private static func event(_ row: [StoreValue]) throws(StoreError) -> ReviewEvent {
        guard row.count == 8, let county = row[0].text, let periodText = row[1].text, let period = YearMonth(iso: periodText),
            let seq = row[2].integer, let state = row[3].text.flatMap(ReviewState.init(rawValue:)), let reason = row[5].text,
            let actor = row[6].text, let at = row[7].integer
        else { throw StoreError.damaged("a row of the review_events table cannot be read") }
        return ReviewEvent(
            countyCode: county, period: period, sequence: seq, state: state, submissionID: row[4].integer, reason: reason,
            actor: actor, at: at)
    }

    /// Review events, oldest first, of one county (nil: all) and period (nil: all).
    public func reviewEvents(county: String?, period: YearMonth?) async throws(StoreError) -> [ReviewEvent] {
        var conditions: [String] = [], values: [StoreValue] = []
        if let county {
            conditions.append("county_code = ?")
            values.append(.text(county))
        }
        if let period {
            conditions.append("period = ?")
            values.append(.text(period.description))
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        var out: [ReviewEvent] = []
        for row in try await database.query(
            "SELECT county_code, period, seq, state, submission_id, reason, actor, at FROM review_events\(filter) ORDER BY county_code, period, seq",
            values)
        {
            out.append(try Self.event(row))
        }
        return out
    }

    /// The last review event of a county's month, nil when there is none: its state, its lock
    /// and the next event's sequence, read at a cost that does not grow with the month's history.
    public func lastReviewEvent(county: String, period: YearMonth) async throws(StoreError) -> ReviewEvent? {
        try await database.query(
            "SELECT county_code, period, seq, state, submission_id, reason, actor, at FROM review_events"
                + " WHERE county_code = ? AND period = ? ORDER BY seq DESC LIMIT 1",
            [.text(county), .text(period.description)]
        ).first.map { row throws(StoreError) in try Self.event(row) }
    }

    /// Appends `event`, whose sequence must be one more than the last one stored for its
    /// county and month: if another reviewer got there first, the unique key refuses it
    /// and this throws ``StoreError/Kind/conflict``.
    public func append(_ event: ReviewEvent) async throws(StoreError) {
        let statement = Self.append(event)
        try await database.write(statement.sql, statement.values)
    }

    /// The statement appending `event` (see ``append(_:)``), to run in a transaction with others.
    public static func append(_ event: ReviewEvent) -> SQLStatement {
        SQLStatement(
            "INSERT INTO review_events (county_code, period, seq, state, submission_id, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(event.countyCode), .text(event.period.description), .integer(event.sequence), .text(event.state.rawValue),
                event.submissionID.map(StoreValue.integer) ?? .null, .text(event.reason), .text(event.actor), .integer(event.at),
            ])
    }

    /// The statement appending a 待审核 (received) event for a version just stored, numbered
    /// after the last event of its county and month inside the transaction that stores the
    /// version (the store serialises imports of one county and month).
    public static func appendReceived(
        county: String, period: YearMonth, submissionID: Int64, reason: String, actor: String,
        at: Int64
    ) -> SQLStatement {
        SQLStatement(
            "INSERT INTO review_events (county_code, period, seq, state, submission_id, reason, actor, at) "
                + "VALUES (?, ?, COALESCE((SELECT seq FROM review_events WHERE county_code = ? AND period = ? ORDER BY seq DESC LIMIT 1), 0) + 1,"
                + " ?, ?, ?, ?, ?)",
            [
                .text(county), .text(period.description), .text(county), .text(period.description),
                .text(ReviewState.received.rawValue), .integer(submissionID), .text(reason), .text(actor), .integer(at),
            ])
    }

    // MARK: Uploads

    private static let uploadColumns = "id, at, actor, county_code, period, file_name, outcome, digest, submission_id, on_behalf, note, findings"

    /// Records an upload attempt; returns its id.
    @discardableResult
    public func recordUpload(_ u: UploadRecord) async throws(StoreError) -> Int64 {
        let statement = Self.recordUpload(u)
        return try await database.write(statement.sql, statement.values).first?.first?.integer ?? 0
    }

    /// The statement recording an upload attempt, returning its id (see ``recordUpload(_:)``).
    public static func recordUpload(_ u: UploadRecord) -> SQLStatement {
        SQLStatement(
            "INSERT INTO uploads (at, actor, county_code, period, file_name, outcome, digest, submission_id, on_behalf, note, findings) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [
                .integer(u.at), .text(u.actor), u.countyCode.map(StoreValue.text) ?? .null, u.period.map { .text($0.description) } ?? .null,
                .text(u.fileName), .text(u.outcome), u.digest.map(StoreValue.text) ?? .null, u.submissionID.map(StoreValue.integer) ?? .null,
                .integer(u.onBehalf ? 1 : 0), .text(u.note), .text(u.findingsJSON),
            ])
    }

    /// The file name each stored version of `county` was uploaded as (versions imported on
    /// the command line have none), by stored version id.
    public func uploadedFiles(county: String) async throws(StoreError) -> [Int64: String] {
        var out: [Int64: String] = [:]
        for row in try await database.query(
            "SELECT submission_id, file_name FROM uploads WHERE county_code = ? AND submission_id IS NOT NULL",
            [.text(county)])
        {
            if let id = row[0].integer, let name = row[1].text { out[id] = name }
        }
        return out
    }

    /// One upload attempt by id.
    public func upload(id: Int64) async throws(StoreError) -> UploadRecord? {
        try await uploads(where: "id = ?", [.integer(id)], limit: 1).first
    }

    /// Upload attempts, newest first, of one county (nil: all), at most `limit`.
    public func uploads(county: String?, limit: Int = 200) async throws(StoreError) -> [UploadRecord] {
        try await uploads(where: county == nil ? "1 = 1" : "county_code = ?", county.map { [StoreValue.text($0)] } ?? [], limit: limit)
    }

    private func uploads(where filter: String, _ values: [StoreValue], limit: Int) async throws(StoreError) -> [UploadRecord] {
        var out: [UploadRecord] = []
        for row in try await database.query(
            "SELECT \(Self.uploadColumns) FROM uploads WHERE \(filter) ORDER BY id DESC LIMIT ?",
            values + [.integer(Int64(limit))])
        {
            guard row.count == 12, let id = row[0].integer, let at = row[1].integer, let actor = row[2].text, let file = row[5].text,
                let outcome = row[6].text, let onBehalf = row[9].integer, let note = row[10].text, let findings = row[11].text
            else {
                throw StoreError.damaged("a row of the uploads table cannot be read")
            }
            out.append(
                UploadRecord(
                    id: id, at: at, actor: actor, countyCode: row[3].text, period: row[4].text.flatMap { YearMonth(iso: $0) },
                    fileName: file, outcome: outcome, digest: row[7].text, submissionID: row[8].integer,
                    onBehalf: onBehalf != 0, note: note, findingsJSON: findings))
        }
        return out
    }

    /// The findings (JSON) the upload that stored version `id` reported, its 审核报告; nil for a
    /// version imported on the command line.
    public func uploadFindingsJSON(ofVersion id: Int64) async throws(StoreError) -> String? {
        let rows = try await database.query(
            "SELECT findings FROM uploads WHERE submission_id = ? AND outcome IN ('new', 'new_version') ORDER BY id LIMIT 1", [.integer(id)])
        return rows.first?.first?.text
    }

    /// The findings (JSON) of every upload of `county` (nil: all) that stored a version and
    /// reported a plausibility warning, by stored version id.
    public func plausibilityUploads(county: String?) async throws(StoreError) -> [Int64: String] {
        var out: [Int64: String] = [:]
        for row in try await database.query(
            "SELECT submission_id, findings FROM uploads WHERE outcome IN ('new', 'new_version') AND submission_id IS NOT NULL "
                + "AND findings LIKE '%\"plausibility.%'" + (county == nil ? "" : " AND county_code = ?") + " ORDER BY id",
            county.map { [StoreValue.text($0)] } ?? [])
        {
            if let id = row[0].integer, let json = row[1].text, out[id] == nil { out[id] = json }
        }
        return out
    }

    // MARK: Explanations

    /// The statement keeping `explanation` of a warning of stored version `submissionID`, to
    /// run in a transaction with its audit line (and, from a workbook, with the version).
    public static func recordExplanation(
        _ explanation: Explanation, county: String, period: YearMonth, submissionID: Int64
    ) -> SQLStatement {
        SQLStatement(
            "INSERT INTO explanations (county_code, period, submission_id, rule, warning_key, text, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(county), .text(period.description), .integer(submissionID), .text(explanation.rule), .text(explanation.key),
                .text(explanation.text), .text(explanation.actor), .integer(explanation.at),
            ])
    }

    /// The explanations kept for each of `versions` (stored ids), oldest first.
    public func explanations(ofVersions versions: [Int64]) async throws(StoreError) -> [Int64: [Explanation]] {
        var out: [Int64: [Explanation]] = [:]
        for start in stride(from: 0, to: versions.count, by: 500) {
            let chunk = versions[start..<min(start + 500, versions.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            for row in try await database.query(
                "SELECT submission_id, rule, warning_key, text, actor, at FROM explanations WHERE submission_id IN (\(marks)) ORDER BY id",
                chunk.map(StoreValue.integer))
            {
                guard row.count == 6, let id = row[0].integer, let rule = row[1].text, let key = row[2].text, let text = row[3].text,
                    let actor = row[4].text, let at = row[5].integer
                else { throw StoreError.damaged("a row of the explanations table cannot be read") }
                out[id, default: []].append(Explanation(rule: rule, key: key, text: text, actor: actor, at: at))
            }
        }
        return out
    }

    // MARK: Audit

    public func audit(_ entry: AuditEntry) async throws(StoreError) {
        let statement = Self.audit(entry)
        try await database.write(statement.sql, statement.values)
    }

    /// The statement writing an audit line (see ``audit(_:)``), to run in a transaction with what it records.
    public static func audit(_ entry: AuditEntry) -> SQLStatement {
        SQLStatement(
            "INSERT INTO audit (at, actor, action, outcome, detail, address) VALUES (?, ?, ?, ?, ?, ?)",
            [.integer(entry.at), .text(entry.actor), .text(entry.action), .text(entry.outcome), .text(entry.detail), .text(entry.address)])
    }

    /// Audit entries at or after `since`, oldest first, at most `limit`.
    public func auditEntries(since: Int64, limit: Int = 10_000) async throws(StoreError) -> [AuditEntry] {
        var out: [AuditEntry] = []
        for row in try await database.query(
            "SELECT id, at, actor, action, outcome, detail, address FROM audit WHERE at >= ? ORDER BY id LIMIT ?",
            [.integer(since), .integer(Int64(limit))])
        {
            guard let id = row[0].integer, let at = row[1].integer, let actor = row[2].text, let action = row[3].text, let outcome = row[4].text,
                let detail = row[5].text, let address = row[6].text
            else { throw StoreError.damaged("a row of the audit table cannot be read") }
            out.append(AuditEntry(id: id, at: at, actor: actor, action: action, outcome: outcome, detail: detail, address: address))
        }
        return out
    }

    // MARK: Draws

    private static let drawColumns = "id, period, seed, inputs_digest, plan_json, plan_xml, created_at, actor, published_at, published_by"

    private static func draw(_ row: [StoreValue]) throws(StoreError) -> StoredDraw {
        guard row.count == 10, let id = row[0].integer, let period = row[1].text.flatMap(YearMonth.init(iso:)), let seed = row[2].text,
            let digest = row[3].text, let xml = row[5].text, let created = row[6].integer, let actor = row[7].text
        else {
            throw StoreError.damaged("a row of the draws table cannot be read")
        }
        return StoredDraw(
            id: id, period: period, seed: seed, inputsDigest: digest, planJSON: row[4].text, legacyPlanXML: xml, createdAt: created,
            actor: actor, publishedAt: row[8].integer, publishedBy: row[9].text)
    }

    /// Keeps a new draw as a draft, its plan as data (`planJSON`); returns it.
    @discardableResult
    public func addDraw(
        period: YearMonth, seed: String, inputsDigest: String, planJSON: String, actor: String, at now: Int64
    ) async throws(StoreError) -> StoredDraw {
        let rows = try await database.write(
            "INSERT INTO draws (period, seed, inputs_digest, plan_json, plan_xml, created_at, actor) VALUES (?, ?, ?, ?, '', ?, ?) RETURNING \(Self.drawColumns)",
            [.text(period.description), .text(seed), .text(inputsDigest), .text(planJSON), .integer(now), .text(actor)])
        guard let row = rows.first else { throw StoreError.damaged("the new draw was not returned") }
        return try Self.draw(row)
    }

    /// Keeps a draw kept as XML (before schema version 6) as data from now on.
    public func keepAsData(draw id: Int64, planJSON: String) async throws(StoreError) {
        try await database.write("UPDATE draws SET plan_json = ?, plan_xml = '' WHERE id = ?", [.text(planJSON), .integer(id)])
    }

    public func draws(publishedOnly: Bool) async throws(StoreError) -> [StoredDraw] {
        var out: [StoredDraw] = []
        let filter = publishedOnly ? " WHERE published_at IS NOT NULL" : ""
        for row in try await database.query("SELECT \(Self.drawColumns) FROM draws\(filter) ORDER BY id DESC", []) { out.append(try Self.draw(row)) }
        return out
    }

    public func draw(id: Int64) async throws(StoreError) -> StoredDraw? {
        try await database.query("SELECT \(Self.drawColumns) FROM draws WHERE id = ?", [.integer(id)]).first.map { row throws(StoreError) in
            try Self.draw(row)
        }
    }

    /// Publishes a draft once; a published draw stays as it was published.
    public func publishDraw(id: Int64, by actor: String, at now: Int64) async throws(StoreError) {
        try await database.write(
            "UPDATE draws SET published_at = ?, published_by = ? WHERE id = ? AND published_at IS NULL",
            [.integer(now), .text(actor), .integer(id)])
    }
}

extension SQLDatabase {
    /// The return cycle's tables in this store.
    public var returns: ReturnsTables { ReturnsTables(database: self) }
}
