import Foundation
import FundWatchCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import FundWatchPortal

@Suite("The operator's log")
struct RequestLogTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func log(_ level: PortalSettings.LogLevel) -> RequestLog { RequestLog(level: level) { line in self.lines.withLock { $0.append(line) } } }
    }

    @Test("one logfmt line per request and per upload: method, route without the query, status, duration, user; never a reporter")
    func lines() async throws {
        let lines = Lines()
        let harness = try await PortalHarness(log: lines.log(.info))
        try await harness.test { client in
            let clerk = try await harness.login(client, "clerk1")
            let sent = try await ReturnFlowTests().upload(client, clerk, name: "990101-2026-03.xml", try ReturnFlowTests.withTipoffs())
            #expect(sent.status == .ok)
            _ = try await client.execute(uri: "/counties/990101?as_of=secret-query", method: .get, headers: [.cookie: clerk.cookie])
            _ = try await client.execute(uri: "/counties/990102", method: .get, headers: [.cookie: clerk.cookie])
        }
        let all = lines.all
        #expect(all.contains { $0.contains("method=GET route=/counties/{county} status=200") && $0.contains("user=clerk1") })
        #expect(all.contains { $0.contains("route=/counties/{county} status=403") && $0.contains("level=warning") })
        #expect(all.contains { $0.contains("event=upload county=990101 period=2026-03 outcome=new version=1 user=clerk1") })
        #expect(all.contains { $0.contains("method=POST") && $0.contains("status=200") })
        #expect(all.allSatisfy { $0.hasPrefix("time=") && $0.contains(" duration_ms=") || $0.contains("event=upload") })
        for line in all {
            for secret in ["secret-query", "李某某", "13900000000", "张某某", "13800000000"] { #expect(!line.contains(secret), "\(line)") }
        }
    }

    @Test("log_level warning keeps only refused and failed requests; off keeps nothing; the route hides codes, months and numbers")
    func levels() async throws {
        let lines = Lines()
        let harness = try await PortalHarness(log: lines.log(.warning))
        try await harness.test { client in
            _ = try await client.execute(uri: "/health", method: .get)
            _ = try await client.execute(uri: "/api/v1/submissions", method: .get)
        }
        #expect(lines.all.count == 1 && lines.all[0].contains("route=/api/v1/submissions status=401 ") && lines.all[0].contains("level=warning"))
        #expect(RequestLog.route("/counties/990101/2026-04/review") == "/counties/{county}/{period}/review")
        #expect(RequestLog.route("/uploads/42") == "/uploads/{id}")
        #expect(RequestLog.value("a b\"c") == #""a b\"c""#)
        let config = try ConfigFile(text: "[portal]\nlog_level = \"off\"\n", file: "x.conf")
        #expect(try Settings(config).portal.logLevel == .off)
        #expect(throws: ConfigFile.Problem.self) { try Settings(try ConfigFile(text: "[portal]\nlog_level = \"debug\"\n", file: "x.conf")) }
    }
}
