import FundWatchCore
import FundWatchReports
import Testing

/// Rows held and rows made on demand behave as the same collection.
@Suite("Report rows, held or made")
struct ReportRowsTests {
    static func row(_ n: Int) -> ReportRow {
        ReportRow(key: "k\(n)", label: "第\(n)行", cells: [.count(n), .money(Money(fen: Int64(n) * 100)), .text("t\(n)")])
    }

    @Test("made rows equal the same rows held: count, order, equality, hash; each read makes the row anew")
    func madeEqualsHeld() {
        let held = ReportRows((0..<5).map(Self.row))
        let made = ReportRows(count: 5, row: Self.row)
        #expect(made.count == 5 && held.count == 5)
        #expect(made == held)
        #expect(made.map(\.key) == ["k0", "k1", "k2", "k3", "k4"])
        #expect(made[3].cells[1] == .money(Money(fen: 300)))
        #expect(made.hashValue == held.hashValue)
        #expect(ReportRows(count: 4, row: Self.row) != held)
        #expect(ReportRows(count: -2, row: Self.row).isEmpty)
        let literal: ReportRows = [Self.row(0)]
        #expect(Array(literal) == [Self.row(0)])
    }

    @Test("table 5 of a national-sized register keeps no cells: its rows are made from the notices as read")
    func noticeTableRowsAreMade() throws {
        let t = try ReportFixture.table(try ReportFixture.document([ReportFixture.exampleXML]), "table5")
        // Two reads give equal rows (made from the same notice), in the register's order.
        #expect(Array(t.rows) == Array(t.rows))
        #expect(t.rows.map(\.label) == ["2026-002", "2026-001"])
    }
}
