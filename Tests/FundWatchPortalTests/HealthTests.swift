import Foundation
import FundWatchCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
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
            let down = try await client.execute(uri: "/health", method: .get)
            #expect(down.status == .serviceUnavailable && String(buffer: down.body) == #"{"status":"unavailable","store":"not answering"}"#)
        }
    }

    @Test("answered(within:) gives the work's result in time, nil after the deadline without waiting for the work")
    func deadline() async {
        #expect(await answered(within: .seconds(2)) { 42 } == 42)
        let finished = Mutex(false)
        let slow: Int? = await answered(within: .milliseconds(200)) {
            try? await Task.sleep(for: .seconds(5))
            finished.withLock { $0 = true }
            return 1
        }
        // Nil, and the work not finished yet: the caller did not wait for it.
        #expect(slow == nil && !finished.withLock { $0 })
    }
}
