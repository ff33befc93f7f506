/// The mix of the benchmark data (`sample-data --counties N` with its knobs), so a benchmark
/// does not depend on one generator's proportions. The standard mix is the generator's own
/// and gives the same bytes as before the knobs existed.
public struct SampleMix: Sendable, Hashable {
    /// The chance a case is severe (an amount of 100,000 yuan or more, so a major case with a
    /// 要情报告 due, and often a suspension): 0.07.
    public var majorShare = 0.07
    /// The chance an inspection that found problems opens a case: 0.55.
    public var caseShare = 0.55
    /// Case texts (发现经过, 违规事实, 处理结果, 处理依据) padded to at least this many
    /// characters each; 0 keeps the short generated texts.
    public var textLength = 0
    /// The share of counties whose CSV files are written in GBK, in percent.
    public var gbkPercent = 0
    /// Cases per county made to recover more than they involve (each a warning, not an error).
    public var warningsPerFile = 0

    public init() {}

    public static let standard = SampleMix()

    /// The "heavy register" mix: four times the major cases, case texts of 120 characters or more.
    public static var heavy: SampleMix {
        var mix = SampleMix()
        mix.majorShare = 0.28
        mix.textLength = 120
        return mix
    }

    /// `text` repeated (with a separator) until it has at least `textLength` characters.
    func padded(_ text: String) -> String {
        guard textLength > 0, !text.isEmpty, text.count < textLength else { return text }
        var out = text
        var round = 1
        while out.count < textLength {
            round += 1
            out += ";补充材料\(round):" + text
        }
        return out
    }
}
