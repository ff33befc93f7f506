import FundWatchStore
import PostgresNIO

/// A `text[]` or `bigint[]` result column in PostgreSQL's binary array format, as store
/// values (NULL elements as `.null`). The store reads each register of a submission as one
/// row of `array_agg` columns: decoding a few arrays costs far less than one PostgresNIO
/// row and cell per register row (profiled: the cells' bookkeeping was most of a report
/// from PostgreSQL).
///
/// The format: dimensions (int32), a has-NULL flag (int32), the element type (oid); per
/// dimension its length and lower bound (int32 each); then each element as a length
/// (int32, -1 for NULL) and that many bytes. All integers big-endian.
enum ArrayColumn {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// The elements of `cell`: none for a NULL cell (`array_agg` over no rows).
    static func values(_ cell: PostgresCell) throws -> [StoreValue] {
        guard var buffer = cell.bytes else { return [] }
        guard cell.format == .binary else { throw Malformed(description: "an array column came in the text format") }
        guard let dimensions = buffer.readInteger(as: Int32.self), buffer.readInteger(as: Int32.self) != nil,
            let element = buffer.readInteger(as: UInt32.self)
        else { throw Malformed(description: "an array column is cut short") }
        if dimensions == 0 { return [] }
        guard dimensions == 1, let count = buffer.readInteger(as: Int32.self), count >= 0, buffer.readInteger(as: Int32.self) != nil else {
            throw Malformed(description: "an array column has \(dimensions) dimensions")
        }
        let isText = element == PostgresDataType.text.rawValue || element == PostgresDataType.varchar.rawValue
        guard isText || element == PostgresDataType.int8.rawValue else {
            throw Malformed(description: "an array column has elements of type \(element)")
        }
        var out: [StoreValue] = []
        out.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let length = buffer.readInteger(as: Int32.self) else { throw Malformed(description: "an array element is cut short") }
            if length < 0 {
                out.append(.null)
            } else if isText {
                guard let text = buffer.readString(length: Int(length)) else { throw Malformed(description: "an array element is cut short") }
                out.append(.text(text))
            } else {
                guard length == 8, let number = buffer.readInteger(as: Int64.self) else {
                    throw Malformed(description: "a bigint element of \(length) bytes")
                }
                out.append(.integer(number))
            }
        }
        return out
    }

    /// Rows from columns of equal length (the arrays of one register), in the order of
    /// `numbers`, the rows' numbers: as they came when those ascend (the query reads them
    /// in key order), else sorted by them.
    static func rows(_ columns: [[StoreValue]], numbers: [StoreValue]) throws -> [[StoreValue]] {
        let count = numbers.count
        guard columns.allSatisfy({ $0.count == count }) else { throw Malformed(description: "array columns of different lengths") }
        let keys = numbers.map { $0.integer ?? 0 }
        var order = Array(0..<count)
        if zip(keys, keys.dropFirst()).contains(where: { $0 >= $1 }) { order.sort { keys[$0] < keys[$1] } }
        return order.map { index in columns.map { $0[index] } }
    }
}
