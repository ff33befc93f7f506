import Foundation
import FundWatchCore
import FundWatchDraw
import FundWatchPipeline
import FundWatchReturns
import FundWatchReturnsStore
import FundWatchSQLite
import FundWatchStore
import FundWatchTestSupport
import FundWatchZip
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import FundWatchPortal

/// A clock tests move forward.
final class TestClock: Sendable {
    let value = Mutex<Int64>(1_796_000_000)  // 2026-11-30 (UTC)
    func now() -> Int64 { value.withLock { $0 } }
    func advance(minutes: Int64) { value.withLock { $0 += minutes * 60 } }
    /// Noon of `day` in China Standard Time.
    func set(day: String) { value.withLock { $0 = Int64(Day(iso: day)!.ordinal) * 86_400 + 4 * 3_600 } }
}

/// A portal on a fresh SQLite store with one user per role (and a second county's clerk),
/// a fixed clock and cheap bcrypt.
struct PortalHarness {
    let core: PortalCore
    /// The store under the portal, for tests that look at (or damage) it directly.
    let store: SQLiteStore
    let clock: TestClock
    let portal: Portal
    static let password = "correct horse battery"

    init(settings: Settings = Settings(), secureCookies: Bool = false, log: RequestLog = .off) async throws {
        var settings = settings
        settings.portal.bcryptCost = 4
        let store = try SQLiteStore(path: Scratch.root + "/portal-\(UUID().uuidString).sqlite")
        let clock = TestClock()
        core = try PortalCore(
            returns: ReturnCycle(store: store, pipeline: try Pipeline(settings: settings), now: { clock.now() }), secureCookies: secureCookies,
            log: log)
        self.store = store
        self.clock = clock
        portal = Portal(core: core)
        let admin = core.returns.users
        for (name, role, county) in [
            ("clerk1", UserRole.county, "990101" as String?), ("clerk2", .county, "990102"), ("city", .city, nil), ("admin", .admin, nil),
        ] {
            try await admin.add(name: name, role: role, county: county, password: Self.password, actor: "test", address: "test")
        }
    }

    /// Runs `body` against the router in process.
    /// Afterwards, every page it rendered found every name its template asked for (no typo
    /// in a template or a model showed as an empty cell).
    func test<R: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> R) async throws -> R {
        let app = Application(router: portal.router())
        let result = try await app.test(.router, body)
        #expect(core.pages.missing.all.isEmpty, "names no page model gave: \(core.pages.missing.all.sorted())")
        return result
    }

    // MARK: Returns

    /// Inspectors for a draw over 990101 and 990102: four of the city in two units, one of 990101.
    static let inspectors = Array(
        """
        inspector_id,name,county_code,unit,qualified
        C1,周检,990100,市局基金监管科,true
        C2,吴查,990100,市局基金监管科,true
        C3,郑核,990100,市医保中心,true
        C4,王审,990100,市医保中心,true
        K1,李本,990101,示例区医保局,true

        """.utf8)

    /// A draw of 2026-03 over the stored returns, kept and (with `published`) published as the city; returns its id.
    @discardableResult
    func storedDraw(published: Bool) async throws -> Int64 {
        let parameters = DrawParameters(period: YearMonth(year: 2026, month: 3)!, seed: "2026-03-02 福彩 123", settings: core.settings.draw)
        let plan = try await core.pipeline.makeDraw(
            .store(store), parameters: parameters,
            files: DrawFiles(inspectors: .memory(name: "i.csv", bytes: Self.inspectors), risk: nil, items: nil))
        let draw = try await core.returns.draws.keep(plan, actor: "city", address: "t")
        if published { try await core.returns.draws.publish(draw, by: "city", address: "t") }
        return draw.id
    }

    /// The example moved to `county`, received from clerk `clerk` as the API would (no page).
    func receive(_ clerk: String, county: String = "990101") async throws {
        let user = try await core.returns.users.user(clerk)
        _ = try await core.returns.receive(Upload(name: "\(county).xml", bytes: try Self.xml(county: county), note: ""), from: user, address: "t")
    }

    /// The worked example (county 990101, 2026-03) as XML bytes.
    static func exampleXML() throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: SharedFixtures.exampleXML)))
    }

    /// The example moved to another county (every code follows), optionally edited.
    static func xml(county: String = "990101", edit: (String) -> String = { $0 }) throws -> [UInt8] {
        let text = String(decoding: try exampleXML(), as: UTF8.self).replacingOccurrences(of: "990101", with: county)
        return Array(edit(text).utf8)
    }

    /// The example's CSV folder as a zip.
    static func exampleZip() throws -> [UInt8] {
        let folder = SharedFixtures.exampleCSV
        let files = try ["submission.csv", "institutions.csv", "inspections.csv", "cases.csv"].map { name in
            (name: "990101-2026-03-csv/" + name, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))))
        }
        return try ZipWriter.archive(files)
    }

    // MARK: Credentials

    /// A browser session: its cookie header and CSRF token.
    struct Session: Sendable {
        var cookie: String
        var csrf: String
    }

    /// Logs `name` in through the login form.
    func login(_ client: any TestClientProtocol, _ name: String, password: String = PortalHarness.password) async throws -> Session {
        let response = try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "name=\(name)&password=\(password.replacingOccurrences(of: " ", with: "+"))"))
        guard response.status == .seeOther, let setCookie = response.headers[.setCookie],
            let value = setCookie.split(separator: ";").first.map(String.init)
        else {
            throw HarnessError("login of \(name) failed: \(response.status)")
        }
        let token = String(value.dropFirst("fw_session=".count))
        guard let session = try await store.returns.session(tokenHash: Secrets.hash(token)) else { throw HarnessError("no session stored") }
        return Session(cookie: value, csrf: session.csrf)
    }

    /// A new API token of `name`.
    func token(_ name: String) async throws -> String {
        let admin = core.returns.users
        return try await admin.newToken(try await admin.user(name), actor: "test", address: "test")
    }

    // MARK: Bodies

    static func form(_ fields: [String: String]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.subtracting(CharacterSet(charactersIn: "+&="))
        return ByteBuffer(
            string: fields.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&"))
    }

    static let boundary = "----fundwatch-test-boundary"

    /// A multipart upload form with `file` and text fields.
    static func multipart(file name: String, _ bytes: [UInt8], fields: [String: String], field: String = "file") -> ByteBuffer {
        var out: [UInt8] = []
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            out += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8)
        }
        out += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                .utf8)
        out += bytes
        out += Array("\r\n--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: out)
    }

    static var multipartHeaders: HTTPFields { [.contentType: "multipart/form-data; boundary=\(boundary)"] }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
