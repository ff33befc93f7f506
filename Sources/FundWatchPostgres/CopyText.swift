import FundWatchStore
import NIOCore

/// Rows in PostgreSQL's `COPY … FROM STDIN` text format: columns separated by a tab, a
/// newline after each row, `\N` for NULL, and a backslash before the four bytes that would
/// otherwise be read as structure (backslash as `\\`, tab `\t`, newline `\n`, return `\r`).
enum CopyText {
    /// Appends one row: `prefix` (the submission id and a tab), the row number, then `row`.
    static func appendRow(prefix: String, number: Int, _ row: [StoreValue], to buffer: inout ByteBuffer) {
        buffer.writeString(prefix)
        buffer.writeString(String(number))
        for value in row {
            buffer.writeInteger(UInt8(ascii: "\t"))
            append(value, to: &buffer)
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// Appends one value.
    static func append(_ value: StoreValue, to buffer: inout ByteBuffer) {
        switch value {
        case .null: buffer.writeStaticString("\\N")
        case .integer(let n): buffer.writeString(String(n))
        case .text(let text): appendEscaped(text, to: &buffer)
        }
    }

    /// Appends `text`, escaped where the format needs it.
    static func appendEscaped(_ text: String, to buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() {
                let escape: UInt8
                switch byte {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
                default: continue
                }
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[start..<index]))
                buffer.writeInteger(UInt8(ascii: "\\"))
                buffer.writeInteger(escape)
                start = index + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[start...]))
        }
    }
}
