import Foundation
import Testing

@testable import FundWatchPortal

/// The cache computes each entry once, however many requests ask at the same moment.
@Suite("Derived cache")
struct DerivedCacheTests {
    @Test("32 concurrent requests on a cold key run the work once; a failure is not kept")
    func singleFlight() async throws {
        actor Count {
            var value = 0
            func add() { value += 1 }
        }
        let cache = DerivedCache()
        let runs = Count()
        let bodies = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<32 {
                group.addTask {
                    try await cache.page("dashboard/x") {
                        await runs.add()
                        try await Task.sleep(for: .milliseconds(50))
                        return [1, 2, 3]
                    }
                }
            }
            var all: [[UInt8]] = []
            for try await body in group { all.append(body) }
            return all
        }
        #expect(await runs.value == 1)
        #expect(bodies.count == 32 && bodies.allSatisfy { $0 == [1, 2, 3] })
        struct Boom: Error {}
        await #expect(throws: Boom.self) { _ = try await cache.page("failing") { throw Boom() } }
        #expect(try await cache.page("failing") { [9] } == [9], "a failed computation is tried again")
    }
}
