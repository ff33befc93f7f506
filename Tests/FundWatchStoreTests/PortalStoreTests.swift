import FundWatchCore
import FundWatchReturnsStore
import FundWatchStore
import Testing

/// The portal's tables behave the same on every store.
@Suite("Portal store contract", .serialized)
struct ReturnsTablesTests {
    @Test("users: add, find, a taken name is a conflict, disable ends sessions and tokens", arguments: Backend.available)
    func users(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let portal = store.returns
        let clerk = try await portal.addUser(name: "clerk", role: .county, countyCode: "990101", passwordHash: "h1", at: 100)
        _ = try await portal.addUser(name: "city", role: .city, countyCode: nil, passwordHash: "h2", at: 101)
        #expect(clerk.role == .county && clerk.countyCode == "990101" && !clerk.disabled)
        #expect(try await portal.user(named: "clerk")?.id == clerk.id)
        #expect(try await portal.user(named: "nobody") == nil)
        #expect(try await portal.users().map(\.name) == ["city", "clerk"])
        await #expect { try await portal.addUser(name: "clerk", role: .city, countyCode: nil, passwordHash: "x", at: 102) } throws: { error in
            (error as? StoreError)?.kind == .conflict
        }
        try await portal.createSession(PortalSession(tokenHash: "t1", userID: clerk.id, csrf: "c", createdAt: 100, lastSeen: 100, address: "a"))
        try await portal.addToken(userID: clerk.id, tokenHash: "k1", at: 100)
        #expect(try await portal.session(tokenHash: "t1")?.userID == clerk.id)
        #expect(try await portal.tokenUser(tokenHash: "k1") == clerk.id)
        try await portal.touchSession(tokenHash: "t1", at: 150)
        #expect(try await portal.session(tokenHash: "t1")?.lastSeen == 150)
        try await portal.setDisabled(clerk.id, true, at: 200)
        #expect(try await portal.user(id: clerk.id)?.disabled == true)
        #expect(try await portal.session(tokenHash: "t1") == nil)
        #expect(try await portal.tokenUser(tokenHash: "k1") == nil)
        await store.close()
    }

    @Test("failed logins are counted per user and per address in a window", arguments: Backend.available)
    func failures(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let portal = store.returns
        for t in [10, 20, 30] { try await portal.recordFailure(user: "u", address: "1.2.3.4", at: Int64(t)) }
        try await portal.recordFailure(user: "v", address: "1.2.3.4", at: 40)
        #expect(try await portal.failures(user: "u", since: 15) == 2)
        #expect(try await portal.failures(address: "1.2.3.4", since: 0) == 4)
        try await portal.clearFailures(user: "u")
        #expect(try await portal.failures(user: "u", since: 0) == 0)
        await store.close()
    }

    @Test("review events are append-only with one sequence per county and month", arguments: Backend.available)
    func reviews(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let portal = store.returns
        let march = YearMonth(year: 2026, month: 3)!
        let first = ReviewEvent(
            countyCode: "990101", period: march, sequence: 1, state: .received, submissionID: 1, reason: "", actor: "clerk", at: 1)
        try await portal.append(first)
        var returned = first
        returned.sequence = 2
        returned.state = .returned
        returned.reason = "案件金额有误"
        returned.actor = "city"
        try await portal.append(returned)
        var late = returned
        late.state = .approved
        late.reason = ""
        // A second reviewer acting on the same state loses: sequence 2 is taken.
        await #expect { try await portal.append(late) } throws: { ($0 as? StoreError)?.kind == .conflict }
        let events = try await portal.reviewEvents(county: "990101", period: march)
        #expect(events.map(\.state) == [.received, .returned])
        #expect(events.last?.reason == "案件金额有误")
        #expect(try await portal.reviewEvents(county: "990102", period: nil).isEmpty)
        await store.close()
    }

    @Test("uploads and the audit log keep what happened, in order", arguments: Backend.available)
    func auditAndUploads(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let portal = store.returns
        try await portal.audit(AuditEntry(at: 5, actor: "clerk", action: "login", outcome: "ok", detail: "", address: "127.0.0.1"))
        try await portal.audit(AuditEntry(at: 9, actor: "clerk", action: "upload", outcome: "rejected", detail: "x.zip", address: "127.0.0.1"))
        #expect(try await portal.auditEntries(since: 6).map(\.action) == ["upload"])
        #expect(try await portal.auditEntries(since: 0).count == 2)
        let id = try await portal.recordUpload(
            UploadRecord(
                at: 9, actor: "clerk", countyCode: "990101", period: YearMonth(year: 2026, month: 3),
                fileName: "x.zip", outcome: "rejected", digest: nil, submissionID: nil, onBehalf: false,
                note: "", findingsJSON: "[]"))
        #expect(id > 0)
        let uploads = try await portal.uploads(county: "990101")
        #expect(uploads.map(\.fileName) == ["x.zip"])
        #expect(uploads.first?.period?.description == "2026-03")
        #expect(try await portal.uploads(county: "990102").isEmpty)
        await store.close()
    }
}
