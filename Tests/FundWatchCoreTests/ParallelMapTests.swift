import FundWatchCore
import Testing

@Suite("parallelMap")
struct ParallelMapTests {
    final class Box: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    @Test("keeps the order of its input")
    func order() {
        let input = Array(0..<1_000)
        #expect(input.parallelMap { $0 * 3 } == input.map { $0 * 3 })
    }

    @Test("holds no result once the returned array is gone (a national import once kept every county)")
    func releasesResults() {
        var watched: [() -> Box?] = []
        do {
            let results = Array(0..<64).parallelMap { Box($0) }
            #expect(results.map(\.value) == Array(0..<64))
            watched = results.map { box in { [weak box] in box } }
        }
        #expect(watched.allSatisfy { $0() == nil })
    }
}
