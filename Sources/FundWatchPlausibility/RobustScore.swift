/// The modified z-score of a value against a history (Iglewicz and Hoaglin):
/// 0.6745 × (x − median) ÷ MAD, MAD being the median of the absolute deviations from the
/// median. When more than half the history sits on its median (MAD = 0), the mean absolute
/// deviation stands in: (x − median) ÷ (1.253314 × MeanAD), as IBM SPSS Modeler does; when
/// every value is the median, any other value scores infinitely far.
struct RobustScore: Equatable {
    let median: Double
    /// The spread the score divides by: MAD, or 1.253314 × MeanAD when MAD is 0.
    let spread: Double
    /// Whether `spread` is the mean absolute deviation's stand-in.
    let usesMeanDeviation: Bool

    init(history: [Double]) {
        precondition(!history.isEmpty)
        let m = Self.median(history)
        let deviations = history.map { abs($0 - m) }
        let mad = Self.median(deviations)
        median = m
        if mad > 0 {
            spread = mad / 0.6745
            usesMeanDeviation = false
        } else {
            spread = 1.253314 * deviations.reduce(0, +) / Double(deviations.count)
            usesMeanDeviation = true
        }
    }

    /// How many spreads `x` lies from the median (signed; ±infinity on a flat history).
    func score(_ x: Double) -> Double {
        if x == median { return 0 }
        if spread == 0 { return x > median ? .infinity : -.infinity }
        return (x - median) / spread
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}
