import Foundation
import FundWatchCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FundWatchPortal

@Suite("/health")
struct HealthTests {
    @Test("200 while the store answers, without a login; 503 with no detail once it does not, within the deadline")
    func health() async throws {
        let harness = try await PortalHarness()
        try await harness.test { client in
            let ok = try await client.execute(uri: "/health", method: .get)
            #expect(ok.status == .ok && String(buffer: ok.body) == #"{"status":"ok","store":"ok"}"#)
            await harness.store.close()
            let started = ContinuousClock.now
            let down = try await client.execute(uri: "/health", method: .get)
            #expect(down.status == .serviceUnavailable && String(buffer: down.body) == #"{"status":"unavailable","store":"not answering"}"#)
            #expect(ContinuousClock.now - started < .seconds(3))
        }
    }

    @Test("answered(within:) gives the work's result in time, nil after the deadline without waiting for the work")
    func deadline() async {
        #expect(await answered(within: .seconds(2)) { 42 } == 42)
        let started = ContinuousClock.now
        let slow: Int? = await answered(within: .milliseconds(200)) {
            try? await Task.sleep(for: .seconds(5))
            return 1
        }
        #expect(slow == nil && ContinuousClock.now - started < .seconds(2))
    }
}
