import Foundation
import FundWatchCore
import FundWatchStore
import FundWatchTestSupport
import Testing

/// An import writes a batch of submissions per transaction, each in a savepoint: these
/// check that each is still stored whole or not at all, on every store.
@Suite("Store batches", .serialized)
struct StoreBatchTests {
    static func request(_ s: Submission, origin: String) -> RecordRequest {
        RecordRequest(submission: s, rows: StoreSchema.RegisterRows(s), digest: s.contentDigest(), origin: origin)
    }

    @Test("one batch: later requests see the earlier ones (new, new version, unchanged), in order", arguments: Backend.available)
    func withinBatch(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let example = try StoreFixture.example()
        var corrected = example
        corrected.cases[1].amountRecovered = Money(fen: 4_800_000)
        corrected.header.submittedOn = Day(iso: "2026-04-10")!
        let other = StoreFixture.county("990102", from: example)
        let result = await store.record(
            batch: [
                Self.request(example, origin: "a.xml"), Self.request(corrected, origin: "b.xml"),
                Self.request(example, origin: "c.xml"), Self.request(other, origin: "d.xml"),
            ],
            importedAt: "2026-11-23T00:00:00Z", dryRun: false)
        #expect(result.failure == nil)
        #expect(result.recorded.map(\.0) == [.new, .newVersion, .unchanged, .new])
        #expect(result.recorded.map { $0.1?.origin } == ["a.xml", "b.xml", nil, "d.xml"])
        let versions = try await store.versions(county: nil, period: nil)
        #expect(versions.map(\.origin) == ["a.xml", "b.xml", "d.xml"])
        #expect(versions.map(\.caseCount) == [5, 5, 5])
        #expect(result.recorded[1].1?.id == versions[1].id)
        await store.close()
    }

    @Test("a failure in the middle keeps the ones before it, stores nothing of it and nothing after it", arguments: Backend.available)
    func failureInMiddle(backend: Backend) async throws {
        let store = try await backend.makeStore()
        // The store refuses county 990102's rows half-way (its submission row is written first).
        switch backend {
        case .sqlite:
            try await store.write(
                "CREATE TRIGGER refuse BEFORE INSERT ON cases WHEN (SELECT county_code FROM submissions WHERE id = NEW.submission_id) = '990102' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END",
                [])
        case .postgres:
            try await store.write(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF (SELECT county_code FROM submissions WHERE id = NEW.submission_id) = '990102' THEN RAISE EXCEPTION 'refused for the test' USING ERRCODE = '23505'; END IF; RETURN NEW; END $$",
                [])
            try await store.write("CREATE TRIGGER refuse BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION refuse()", [])
        }
        let example = try StoreFixture.example()
        let batch = ["990101", "990102", "990103"].map { Self.request(StoreFixture.county($0, from: example), origin: "\($0).xml") }
        let result = await store.record(batch: batch, importedAt: "2026-11-23T00:00:00Z", dryRun: false)
        #expect(result.recorded.map(\.0) == [.new])
        let failure = try #require(result.failure)
        #expect(failure.kind == .conflict)
        // The message names the refused return of the batch and says why.
        #expect(
            failure.description.contains("990102") && failure.description.contains("2026-03")
                && failure.description.contains("refused for the test"), "\(failure.description)")
        #expect(try await store.versions(county: nil, period: nil).map(\.countyCode) == ["990101"])
        // Nothing of the refused submission is left behind: no institution or inspection rows.
        let counts = try await store.query(
            "SELECT (SELECT COUNT(*) FROM institutions), (SELECT COUNT(*) FROM inspections), (SELECT COUNT(*) FROM cases)", [])
        #expect(counts == [[.integer(5), .integer(6), .integer(5)]])
        await store.close()
    }

    @Test("texts with tabs, newlines, returns and backslashes come back as they went in", arguments: Backend.available)
    func awkwardText(backend: Backend) async throws {
        let store = try await backend.makeStore()
        var example = try StoreFixture.example()
        example.institutions[0].name = "第一\t医院\\分院"
        example.cases[0].facts = "行一\n行二\r\n\\N 不是空值\t制表\\.\n"
        example.cases[1].basis = "\\"
        example.cases[2].outcome = ""
        let result = await store.record(batch: [Self.request(example, origin: "x.xml")], importedAt: "2026-11-23T00:00:00Z", dryRun: false)
        #expect(result.failure == nil)
        let id = try #require(result.recorded.first?.1?.id)
        let loaded = try await store.load(id)
        #expect(loaded.institutions[0].name == "第一\t医院\\分院")
        #expect(loaded.cases[0].facts == "行一\n行二\r\n\\N 不是空值\t制表\\.\n")
        #expect(loaded.cases[1].basis == "\\")
        #expect(loaded.cases[2].outcome == "")
        #expect(loaded.cases[0].closedOn == example.cases[0].closedOn)
        #expect(loaded.cases[3].suspensionMonths == example.cases[3].suspensionMonths)
        await store.close()
    }

    @Test("dry run: outcomes without writing", arguments: Backend.available)
    func dryRun(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let example = try StoreFixture.example()
        _ = try await StoreFixture.record(store, example)
        let other = StoreFixture.county("990102", from: example)
        let result = await store.record(
            batch: [Self.request(example, origin: "a"), Self.request(other, origin: "b")],
            importedAt: "2026-11-23T00:00:00Z", dryRun: true)
        #expect(result.recorded.map(\.0) == [.unchanged, .new])
        #expect(try await store.versions(county: nil, period: nil).count == 1)
        await store.close()
    }
}
