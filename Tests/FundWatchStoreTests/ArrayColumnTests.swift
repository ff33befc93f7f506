import FundWatchStore
import PostgresNIO
import Testing

@testable import FundWatchPostgres

/// PostgreSQL's binary array format as the store reads a register: built by hand here,
/// byte by byte as the server sends it.
@Suite("PostgreSQL array columns")
struct ArrayColumnTests {
    static func array(element: UInt32, _ items: [[UInt8]?], dimensions: Int32 = 1) -> ByteBuffer {
        var b = ByteBuffer()
        b.writeInteger(dimensions)
        b.writeInteger(Int32(items.contains { $0 == nil } ? 1 : 0))
        b.writeInteger(element)
        if dimensions > 0 {
            b.writeInteger(Int32(items.count))
            b.writeInteger(Int32(1))
        }
        for item in items {
            if let item {
                b.writeInteger(Int32(item.count))
                b.writeBytes(item)
            } else {
                b.writeInteger(Int32(-1))
            }
        }
        return b
    }

    static func cell(_ bytes: ByteBuffer?, _ type: PostgresDataType = .textArray, format: PostgresFormat = .binary) -> PostgresCell {
        PostgresCell(bytes: bytes, dataType: type, format: format, columnName: "c", columnIndex: 0)
    }

    static func int8(_ n: Int64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: n >> (56 - 8 * $0)) }
    }

    @Test("text elements, NULL elements and bigints")
    func values() throws {
        let text = Self.array(element: 25, [Array("示例\t区".utf8), nil, []])
        #expect(try ArrayColumn.values(Self.cell(text)) == [.text("示例\t区"), .null, .text("")])
        let numbers = Self.array(element: 20, [Self.int8(-5), nil, Self.int8(12_500_050)])
        #expect(try ArrayColumn.values(Self.cell(numbers, .int8Array)) == [.integer(-5), .null, .integer(12_500_050)])
    }

    @Test("no rows: a NULL cell and an empty array are no values")
    func empty() throws {
        #expect(try ArrayColumn.values(Self.cell(nil)).isEmpty)
        #expect(try ArrayColumn.values(Self.cell(Self.array(element: 25, [], dimensions: 0))).isEmpty)
    }

    @Test("columns become rows in the order of their numbers; columns of different lengths are refused")
    func rows() throws {
        let columns: [[StoreValue]] = [[.text("a"), .text("b"), .text("c")], [.integer(10), .integer(11), .null]]
        #expect(
            try ArrayColumn.rows(columns, numbers: [.integer(0), .integer(1), .integer(2)])
                == [[.text("a"), .integer(10)], [.text("b"), .integer(11)], [.text("c"), .null]])
        // Out of order (never expected from the query): put in order by the numbers.
        #expect(
            try ArrayColumn.rows(columns, numbers: [.integer(2), .integer(0), .integer(1)])
                == [[.text("b"), .integer(11)], [.text("c"), .null], [.text("a"), .integer(10)]])
        #expect(try ArrayColumn.rows([[], []], numbers: []).isEmpty)
        #expect(throws: ArrayColumn.Malformed.self) { try ArrayColumn.rows([[.integer(0)], []], numbers: [.integer(0)]) }
    }

    @Test("what is not a one-dimensional text or bigint array in the binary format is refused, not misread")
    func malformed() {
        var cut = Self.array(element: 25, [Array("abc".utf8)])
        cut.moveWriterIndex(to: cut.writerIndex - 1)
        #expect(throws: ArrayColumn.Malformed.self) { try ArrayColumn.values(Self.cell(cut)) }
        #expect(throws: ArrayColumn.Malformed.self) { try ArrayColumn.values(Self.cell(Self.array(element: 25, [[1]], dimensions: 2))) }
        #expect(throws: ArrayColumn.Malformed.self) { try ArrayColumn.values(Self.cell(Self.array(element: 700, [[1, 2, 3, 4]]))) }
        #expect(throws: ArrayColumn.Malformed.self) { try ArrayColumn.values(Self.cell(Self.array(element: 20, [[1, 2, 3, 4]]), .int8Array)) }
        #expect(throws: ArrayColumn.Malformed.self) { try ArrayColumn.values(Self.cell(ByteBuffer(string: "{a,b}"), format: .text)) }
    }
}
