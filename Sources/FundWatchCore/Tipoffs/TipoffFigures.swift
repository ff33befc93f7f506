/// A county's tip-off figures for a window (举报线索办理情况, docs/METRICS.md "Tip-offs"):
/// what was received, filed, closed and substantiated in the window, each step's
/// timeliness, and the rewards paid. The city sums them; rates are recomputed from the sums.
public struct TipoffFigures: Sendable, Hashable {
    /// 受理: received in the window.
    public var received = 0
    /// 立案: decided in the window to open a case.
    public var filed = 0
    /// 办结: closed in the window.
    public var closed = 0
    /// 查实: closed in the window and substantiated.
    public var substantiated = 0
    /// 发放奖励: paid in the window (by `reward_paid_on`; without it, by the close, else the receipt).
    public var rewardsPaid = Money.zero
    /// Per step (``TipoffStep/allCases`` order): steps whose due day fell in the window and
    /// had come by the as-of day.
    public var judged = [0, 0, 0, 0]
    /// Of those, the ones done on or before the due day.
    public var onTime = [0, 0, 0, 0]

    public init() {}

    /// The figures of `tipoffs` over `window`, judged on `asOf` (dates after it have not happened).
    public init(tipoffs: [Tipoff], window: Window, asOf: Day, settings: TipoffSettings) {
        func counts(_ day: Day?) -> Bool { day.map { window.contains($0) && $0 <= asOf } ?? false }
        for t in tipoffs {
            if counts(t.receivedOn) { received += 1 }
            if t.decision == .file, counts(t.decidedOn) { filed += 1 }
            if counts(t.closedOn) {
                closed += 1
                if t.substantiated { substantiated += 1 }
            }
            if t.rewardPaid.fen > 0, counts(t.rewardPaidOn ?? t.closedOn ?? t.receivedOn) { rewardsPaid += t.rewardPaid }
            guard t.receivedOn <= asOf else { continue }
            for (index, d) in settings.deadlines(of: t, asOf: asOf).enumerated() {
                guard let due = d.due, window.contains(due), due <= asOf else { continue }
                judged[index] += 1
                if d.status == .onTime { onTime[index] += 1 }
            }
        }
    }

    /// 查实率 = substantiated ÷ closed.
    public var substantiationRate: Rate { Rate(substantiated, of: closed) }

    /// A step's judged steps and those done on time.
    public func counts(_ step: TipoffStep) -> (judged: Int, onTime: Int) {
        let i = TipoffStep.allCases.firstIndex(of: step)!
        return (judged[i], onTime[i])
    }

    /// A step's 按期率 = on time ÷ judged.
    public func onTimeRate(_ step: TipoffStep) -> Rate {
        let (judged, onTime) = counts(step)
        return Rate(onTime, of: judged)
    }

    public static func + (lhs: TipoffFigures, rhs: TipoffFigures) -> TipoffFigures {
        var out = lhs
        out.received += rhs.received
        out.filed += rhs.filed
        out.closed += rhs.closed
        out.substantiated += rhs.substantiated
        out.rewardsPaid += rhs.rewardsPaid
        for i in out.judged.indices {
            out.judged[i] += rhs.judged[i]
            out.onTime[i] += rhs.onTime[i]
        }
        return out
    }
}
