import Foundation
import FundWatchCore
import FundWatchCrypto
import FundWatchSQLite
import FundWatchStore
import FundWatchTestSupport
import GRDB
import Testing

/// One contract, every store: SQLite always; PostgreSQL when a server is provided.
@Suite("Store contract", .serialized)
struct StoreContractTests {
    @Test(
        "PostgreSQL is part of this run",
        .enabled(
            if: ProcessInfo.processInfo.environment["FUNDWATCH_REQUIRE_POSTGRES"] == "1",
            "PostgreSQL not required here (CI sets FUNDWATCH_REQUIRE_POSTGRES=1)"))
    func postgresPresent() {
        #expect(
            Backend.postgresURL != nil, "FUNDWATCH_REQUIRE_POSTGRES=1 but FUNDWATCH_TEST_POSTGRES_URL is not set: the PostgreSQL contract did not run"
        )
    }

    @Test(
        "PostgreSQL contract",
        .enabled(
            if: Backend.postgresURL != nil,
            "PostgreSQL not available: the PostgreSQL store was NOT tested. Run `scripts/with-postgres.sh swift test`."))
    func postgresAvailable() async throws {
        let store = try await Backend.postgres.makeStore()
        #expect(try await store.versions(county: nil, period: nil).isEmpty)
        await store.close()
    }

    @Test("new, unchanged, new version; every version kept with its row counts", arguments: Backend.available)
    func versions(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let example = try StoreFixture.example()
        #expect(try await StoreFixture.record(store, example) == .new)
        #expect(try await StoreFixture.record(store, example) == .unchanged)
        var corrected = example
        corrected.cases[1].amountRecovered = Money(fen: 4_800_000)
        corrected.header.submittedOn = Day(iso: "2026-04-10")!
        #expect(try await StoreFixture.record(store, corrected) == .newVersion)
        // Re-importing the first version again stores nothing: that content is already kept.
        #expect(try await StoreFixture.record(store, example) == .unchanged)
        let versions = try await store.versions(county: "990101", period: YearMonth(iso: "2026-03"))
        #expect(versions.count == 2)
        #expect(versions.map(\.submittedOn.description) == ["2026-04-03", "2026-04-10"])
        #expect(versions[0].institutionCount == 5 && versions[0].inspectionCount == 6 && versions[0].caseCount == 5)
        #expect(versions[0].digest == example.contentDigest())
        #expect(versions[0].id < versions[1].id)
        #expect(try await store.versions(county: "990102", period: nil).isEmpty)
        // What record hands back is the version just stored, not another row's id.
        var third = corrected
        third.header.submittedOn = Day(iso: "2026-04-12")!
        third.header.preparedBy = "第三版"
        let (outcome, stored) = try await store.record(
            third, digest: third.contentDigest(), origin: "third.xml",
            importedAt: "2026-11-24T00:00:00Z", dryRun: false)
        #expect(outcome == .newVersion)
        #expect(stored?.origin == "third.xml")
        #expect(stored?.submittedOn.description == "2026-04-12")
        #expect(stored?.id == (try await store.versions(county: "990101", period: nil)).last?.id)
        await store.close()
    }

    @Test("a loaded version equals what was imported, without the reporter", arguments: Backend.available)
    func roundTrip(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let example = try StoreFixture.example()
        _ = try await StoreFixture.record(store, example)
        let id = try #require(try await store.versions(county: nil, period: nil).first?.id)
        let loaded = try await store.load(id)
        var expected = example
        for i in expected.cases.indices { expected.cases[i].reporter = Confidential("") }
        #expect(loaded == expected)
        #expect(loaded.cases[1].reporter.isEmpty)
        #expect(loaded.cases[0].amountInvolved == Money(fen: 12_500_050))
        // For summaries: everything but the four case texts.
        let summaryView = try await store.load(id, caseTexts: false)
        for i in expected.cases.indices {
            expected.cases[i].discovery = ""
            expected.cases[i].facts = ""
            expected.cases[i].outcome = ""
            expected.cases[i].basis = ""
        }
        #expect(summaryView == expected)
        #expect(!loaded.cases[0].facts.isEmpty)
        await store.close()
    }

    @Test(
        "a version's profile, read narrowly with the month figures stored with it, equals the whole return's; without them (stored before v8) it is read whole",
        arguments: Backend.available)
    func profile(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let example = try StoreFixture.example()
        _ = try await StoreFixture.record(store, example)
        let id = try #require(try await store.versions(county: nil, period: nil).first?.id)
        let whole = ReturnProfile(example)
        // The figures row holds the month's own figures, as integers (fen for money).
        let row = try await store.query(
            "SELECT \(StoreSchema.list(StoreSchema.monthFigureColumns)) FROM month_figures WHERE submission_id = ?", [.integer(id)])
        #expect(row == [ReturnProfile.monthMetrics.map { .integer(whole.month[$0]!) }])
        let metrics = Metrics(submission: example, window: .month(example.header.period))
        #expect(whole.month[.handledCases] == Int64(metrics.handledCases))
        #expect(whole.month[.amountInvolved] == metrics.amountInvolved.fen)
        #expect(whole.month[.inspected] == Int64(metrics.inspected))
        let narrow = try #require(try await store.profiles([id]).first)
        #expect(narrow == whole)
        #expect(narrow.cases.count == example.cases.count && narrow.inspections.count == example.inspections.count)
        try await store.write("DELETE FROM month_figures WHERE submission_id = ?", [.integer(id)])
        #expect(try await store.profiles([id, id]) == [whole, whole])
        await #expect(throws: StoreError.self) { try await store.profiles([id, id + 1000]) }
        #expect(try await store.versions(counties: [example.header.countyCode, "000000"]).map(\.id) == [id])
        #expect(try await store.caseAmounts([id]).sorted() == example.cases.map(\.amountInvolved.fen).filter { $0 > 0 }.sorted())
        #expect(try await store.caseAmounts([id]).contains(12_500_050))
        await store.close()
    }

    @Test(
        "the tip-off register is stored and loaded as read, without its reporters; a return without one loads with none", arguments: Backend.available
    )
    func tipoffs(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let example = try StoreFixture.exampleWithTipoffs()
        _ = try await StoreFixture.record(store, example)
        _ = try await StoreFixture.record(store, StoreFixture.county("990102", from: try StoreFixture.example()))
        let versions = try await store.versions(county: nil, period: nil)
        let loaded = try await store.load(versions[0].id)
        var expected = example
        for i in expected.cases.indices { expected.cases[i].reporter = Confidential("") }
        for i in expected.tipoffs.indices { expected.tipoffs[i].reporter = Confidential("") }
        #expect(loaded == expected)
        #expect(loaded.tipoffs[0].rewardPaid == Money(fen: 50_000) && loaded.tipoffs[0].caseID == "2026-001")
        #expect(try await store.load(versions[1].id).tipoffs.isEmpty)
        // Only whether there was a reporter is kept (no key configured).
        let cells = try await store.query("SELECT reporter FROM tipoffs WHERE submission_id = ? ORDER BY row_no", [.integer(versions[0].id)])
        #expect(cells.map { $0.first?.text ?? "?" } == ["present", "", "present", "present", ""])
        // The same content again is unchanged: the digest covers the register.
        #expect(try await StoreFixture.record(store, example) == .unchanged)
        var changed = example
        changed.tipoffs[2].decidedOn = Day(iso: "2026-03-30")
        changed.tipoffs[2].decision = .reject
        #expect(try await StoreFixture.record(store, changed) == .newVersion)
        await store.close()
    }

    @Test("dry run writes nothing", arguments: Backend.available)
    func dryRun(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let example = try StoreFixture.example()
        #expect(try await StoreFixture.record(store, example, dryRun: true) == .new)
        #expect(try await store.versions(county: nil, period: nil).isEmpty)
        await store.close()
    }

    @Test("reports use the later submitted_on; a tie goes to the later import", arguments: Backend.available)
    func choice(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let example = try StoreFixture.example()
        var other = example
        other.header.preparedBy = "李四"  // same submitted_on, different content
        _ = try await StoreFixture.record(store, example)
        _ = try await StoreFixture.record(store, other)
        let choices = try chooseVersions(try await store.allVersions(), for: YearMonth(iso: "2026-03")!, tieRule: .laterImportWins)
        let chosen = try #require(choices.first?.chosen)
        #expect(try await store.load(chosen.payload).header.preparedBy == "李四")
        await store.close()
    }

    @Test(
        "the narrow reads of receiving (a month, each month's current, each county's latest) agree with the rule over all versions",
        arguments: Backend.available)
    func narrowReads(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let example = try StoreFixture.example()
        // Three counties, three months, versions submitted on the same day, later, and earlier
        // than the one before (a late copy of an old version), in a mixed import order.
        let plan: [(String, String, String)] = [
            ("990101", "2026-03", "2026-04-03"), ("990102", "2026-03", "2026-04-05"), ("990101", "2026-03", "2026-04-03"),
            ("990101", "2026-04", "2026-05-02"), ("990103", "2026-02", "2026-03-01"), ("990101", "2026-03", "2026-04-09"),
            ("990101", "2026-03", "2026-04-04"), ("990102", "2026-04", "2026-05-06"), ("990102", "2026-04", "2026-05-06"),
            ("990101", "2026-02", "2026-03-03"), ("990103", "2026-02", "2026-02-28"), ("990101", "2026-04", "2026-05-01"),
        ]
        var digests: [String] = []
        for (n, (county, period, day)) in plan.enumerated() {
            var s = example
            s.header.countyCode = county
            s.header.period = YearMonth(iso: period)!
            s.header.submittedOn = Day(iso: day)!
            s.header.preparedBy = "第\(n)版"
            digests.append(s.contentDigest())
            #expect(try await StoreFixture.record(store, s) != .unchanged)
        }
        let all = try await store.versions(county: nil, period: nil)
        for county in ["990101", "990102", "990103", "990104"] {
            for period in ["2026-02", "2026-03", "2026-04"].map({ YearMonth(iso: $0)! }) {
                let versions = all.filter { $0.countyCode == county && $0.period == period }
                for digest in [nil, "none"] + digests.map(Optional.some) {
                    let month = try await store.month(county: county, period: period, digest: digest)
                    #expect(month == StoredMonth(versions: versions, digest: digest), "\(county) \(period) \(digest ?? "-")")
                    #expect(month.current == versions.current)
                }
            }
            let byMonth = Dictionary(grouping: all.filter { $0.countyCode == county }, by: \.period).values.compactMap(\.current)
            #expect(try await store.currentVersions(counties: [county]) == byMonth.sorted { $0.id < $1.id })
        }
        let latest = Dictionary(grouping: all, by: \.countyCode).values.compactMap { v in v.filter { $0.period == v.map(\.period).max() }.current }
        #expect(try await store.latestReturns() == latest.sorted { $0.id < $1.id })
        #expect(try await store.latestReturns().count == 3)
        #expect(try await store.currentVersions(counties: ["990101", "990103"]).count == 4)
        await store.close()
    }

    @Test("concurrent imports through separate connections: none lost, none duplicated", arguments: Backend.available)
    func concurrent(backend: Backend) async throws {
        let first = try await backend.makeStore()
        let example = try StoreFixture.example()
        var stores: [any SubmissionStore] = [first]
        for _ in 0..<3 { stores.append(try await backend.reopen(first)) }
        let all = stores
        let outcomes = try await withThrowingTaskGroup(of: ImportOutcome.self) { group in
            for i in 0..<16 {
                let store = all[i % all.count]
                // Eight tasks import the same county and content; eight import eight other counties.
                let submission = i % 2 == 0 ? example : StoreFixture.county("99020\(i / 2)", from: example)
                group.addTask { try await StoreFixture.record(store, submission, origin: "task \(i)") }
            }
            var out: [ImportOutcome] = []
            for try await o in group { out.append(o) }
            return out
        }
        #expect(outcomes.filter { $0 == .new }.count == 9)
        #expect(outcomes.filter { $0 == .unchanged }.count == 7)
        let versions = try await first.versions(county: nil, period: nil)
        #expect(versions.count == 9)
        #expect(Set(versions.map(\.countyCode)).count == 9)
        for store in stores { await store.close() }
    }

    @Test("reopening migrates nothing twice and keeps the data", arguments: Backend.available)
    func reopen(backend: Backend) async throws {
        let store = try await backend.makeStore()
        _ = try await StoreFixture.record(store, try StoreFixture.example())
        let again = try await backend.reopen(store)
        #expect(try await again.versions(county: nil, period: nil).count == 1)
        await again.close()
        await store.close()
    }
}

@Suite("SQLite specifics")
struct SQLiteStoreTests {
    @Test("without a key only whether there was a reporter is stored; the file is in WAL mode")
    func reporterPresenceOnly() async throws {
        let path = Scratch.root + "/fundwatch-store-\(UUID().uuidString).sqlite"
        let store = try SQLiteStore(path: path)
        _ = try await StoreFixture.record(store, try StoreFixture.example())
        await store.close()
        let queue = try DatabaseQueue(path: path)
        let reporters = try await queue.read { db in try String.fetchAll(db, sql: "SELECT reporter FROM cases WHERE reporter <> ''") }
        #expect(reporters == ["present"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path)) + ((try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data())
        #expect(bytes.range(of: Data("13800000000".utf8)) == nil)
        let mode = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(!StoreSchema.caseColumns.contains("reporter"))
    }

    @Test("with a key the reporter is sealed with AES-GCM: only the key's holder reads it back")
    func reporterSealed() async throws {
        let path = Scratch.root + "/fundwatch-store-\(UUID().uuidString).sqlite"
        let store = try SQLiteStore(path: path)
        let seal = try ReporterSeal(keyFileContents: Array(ReporterSeal.newKeyHex().utf8))
        let example = try StoreFixture.example()
        _ = try await store.record(
            example, rows: StoreSchema.RegisterRows(example, sealReporter: seal.seal), digest: example.contentDigest(),
            origin: "test", importedAt: "2026-12-03T00:00:00Z", dryRun: false)
        await store.close()
        let queue = try DatabaseQueue(path: path)
        let stored = try await queue.read { db in try String.fetchAll(db, sql: "SELECT reporter FROM cases WHERE reporter <> ''") }
        #expect(stored.count == 1)
        #expect(stored.first?.hasPrefix("aesgcm1:") == true)
        #expect(stored.first.flatMap(seal.open) == "张某某,电话13800000000")
        let other = try ReporterSeal(keyFileContents: Array(ReporterSeal.newKeyHex().utf8))
        #expect(stored.first.flatMap(other.open) == nil)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path)) + ((try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data())
        #expect(bytes.range(of: Data("13800000000".utf8)) == nil)
    }

    @Test("a tip-off's reporter is sealed like a case's: never in the file in plain text, read back only with the key")
    func tipoffReporterSealed() async throws {
        let path = Scratch.root + "/fundwatch-store-\(UUID().uuidString).sqlite"
        let store = try SQLiteStore(path: path)
        let seal = try ReporterSeal(keyFileContents: Array(ReporterSeal.newKeyHex().utf8))
        let example = try StoreFixture.exampleWithTipoffs()
        _ = try await store.record(
            example, rows: StoreSchema.RegisterRows(example, sealReporter: seal.seal), digest: example.contentDigest(),
            origin: "test", importedAt: "2026-12-05T00:00:00Z", dryRun: false)
        await store.close()
        let queue = try DatabaseQueue(path: path)
        let stored = try await queue.read { db in try String.fetchAll(db, sql: "SELECT reporter FROM tipoffs WHERE reporter <> '' ORDER BY row_no") }
        #expect(stored.count == 3 && stored.allSatisfy { $0.hasPrefix("aesgcm1:") })
        #expect(stored.compactMap(seal.open) == ["李某某,电话13900000000", "王某", "赵某某"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path)) + ((try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data())
        for secret in ["13900000000", "李某某", "赵某某"] { #expect(bytes.range(of: Data(secret.utf8)) == nil) }
        #expect(!StoreSchema.tipoffColumns.contains("reporter"))
    }

    @Test("a store that cannot be opened is a clear error")
    func unopenable() {
        #expect { try SQLiteStore(path: "/nonexistent/folder/fundwatch.sqlite") } throws: { error in
            "\(error)".contains("/nonexistent/folder/fundwatch.sqlite")
        }
    }
}
