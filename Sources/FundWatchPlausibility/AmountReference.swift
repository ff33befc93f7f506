import Foundation
import FundWatchCore

/// The case amounts a county with few cases of its own is compared with (the city's): each
/// amount in fen on the log₁₀ scale, summarised once by ``RobustScore`` so that checking
/// 2,800 counties against the city does not sort the city's amounts 2,800 times.
public struct AmountReference: Sendable {
    /// How many amounts (above zero) the reference holds.
    public let count: Int
    /// Their median and spread on log₁₀ of fen; nil when there are none.
    let score: RobustScore?

    /// No reference: a thin county history gets no verdict.
    public static let none = AmountReference([])

    /// The reference of `amounts` (those of zero are left out, as a case without an amount).
    public init(_ amounts: [Money]) {
        let fen = amounts.map(\.fen).filter { $0 > 0 }
        count = fen.count
        score = fen.isEmpty ? nil : RobustScore(history: fen.map { log10(Double($0)) })
    }
}
