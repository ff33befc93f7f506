import FundWatchCore

/// Every major case of a report's counties, most urgent first (``MajorCaseNotice/byUrgency``):
/// a sorted view over the counties' summaries, which hold the notices themselves. Each
/// entry is two 32-bit positions, so the sorted register costs 8 bytes a case instead of a
/// second copy of every notice. (A class: the builder holds one reference, as it held the
/// array before.)
public final class NoticeList: RandomAccessCollection, Sendable {
    struct Position: Sendable {
        var county: Int32
        var index: Int32
    }

    private let summaries: [CountySummary?]
    private let order: [Position]

    /// The notices of `summaries`, sorted most urgent first.
    init(_ summaries: [CountySummary?]) {
        var order: [Position] = []
        order.reserveCapacity(summaries.reduce(0) { $0 + ($1?.notices.count ?? 0) })
        for (county, summary) in summaries.enumerated() {
            guard let summary else { continue }
            for index in summary.notices.indices { order.append(Position(county: Int32(county), index: Int32(index))) }
        }
        // The counties' notices in county order, sorted: the order of sorting them concatenated.
        order.sort { a, b in
            MajorCaseNotice.byUrgency(summaries[Int(a.county)]!.notices[Int(a.index)], summaries[Int(b.county)]!.notices[Int(b.index)])
        }
        self.summaries = summaries
        self.order = order
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }

    public subscript(position: Int) -> MajorCaseNotice {
        let p = order[position]
        return summaries[Int(p.county)]!.notices[Int(p.index)]
    }
}
