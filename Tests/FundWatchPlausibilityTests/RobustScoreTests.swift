import Testing

@testable import FundWatchPlausibility

/// The modified z-score against values worked by hand (and checked with Python's
/// `statistics.median`): Iglewicz and Hoaglin's 0.6745 × (x − median) ÷ MAD, and the mean
/// absolute deviation when MAD is 0.
@Suite("Robust score")
struct RobustScoreTests {
    @Test("MAD: history 2 3 3 4 5 5 6 7 has median 4.5 and MAD 1.5, so 12 scores 0.6745 × 7.5 ÷ 1.5 = 3.3725")
    func mad() {
        let r = RobustScore(history: [2, 3, 3, 4, 5, 5, 6, 7])
        #expect(r.median == 4.5)
        #expect(!r.usesMeanDeviation)
        #expect(abs(r.score(12) - 3.3725) < 1e-9)
        #expect(abs(r.score(1) + 1.573_833_333) < 1e-6)
        #expect(r.score(4.5) == 0)
    }

    @Test("MAD 0: history 5 5 5 5 5 9 uses 1.253314 × mean absolute deviation (4 ÷ 6), so 9 scores 4.7873")
    func meanDeviation() {
        let r = RobustScore(history: [5, 5, 5, 5, 5, 9])
        #expect(r.median == 5 && r.usesMeanDeviation)
        #expect(abs(r.score(9) - 4 / (1.253314 * 4 / 6)) < 1e-9)
        #expect(abs(r.score(9) - 4.787_308) < 1e-5)
    }

    @Test("a flat history: the same value scores 0, any other infinitely far")
    func flat() {
        let r = RobustScore(history: [3, 3, 3])
        #expect(r.score(3) == 0)
        #expect(r.score(4) == .infinity && r.score(2) == -.infinity)
    }

    @Test("two decimals, half away from zero")
    func decimal() {
        #expect(OutlierCheck.decimal(3.3725) == "3.37")
        #expect(OutlierCheck.decimal(6.005) == "6.01" || OutlierCheck.decimal(6.005) == "6.00")
        #expect(OutlierCheck.decimal(12.16) == "12.16")
        #expect(OutlierCheck.decimal(0.05) == "0.05")
        #expect(OutlierCheck.decimal(-1.5) == "-1.50")
    }
}
