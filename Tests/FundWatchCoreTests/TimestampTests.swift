import FundWatchCore
import Testing

@Suite("Timestamps")
struct TimestampTests {
    @Test("UTC and China Standard Time text of a clock reading (checked against Python's datetime), and back")
    func text() {
        #expect(Timestamp.utc(0) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.utc(1_796_000_000) == "2026-11-30T00:53:20Z")
        #expect(Timestamp.chinaStandardTime(1_796_000_000) == "2026-11-30 08:53")
        // 14 hours later, still the 30th in Beijing; 16 more and it is December.
        #expect(Timestamp.chinaStandardTime(1_796_000_000 + 14 * 3_600) == "2026-11-30 22:53")
        #expect(Timestamp.chinaStandardTime(1_796_000_000 + 16 * 3_600) == "2026-12-01 00:53")
        #expect(Timestamp.seconds(utc: "2026-11-30T00:53:20Z") == 1_796_000_000)
        #expect(Timestamp.seconds(utc: "2026-11-30 02:13") == nil)
    }
}
