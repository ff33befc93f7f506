/// A1-style cell references: column letters and a row number.
public enum CellReference {
    /// `0` → `A`, `25` → `Z`, `26` → `AA`.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(65 + r))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// `F12` → column 5, row 12; nil when it is not a reference (or beyond XFD1048576).
    public static func parse(_ text: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case 65...90 where digits == 0:
                column = column * 26 + Int(byte - 64)
                letters += 1
            case 97...122 where digits == 0:
                column = column * 26 + Int(byte - 96)
                letters += 1
            case 48...57 where letters > 0:
                row = row * 10 + Int(byte - 48)
                digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row >= 1, row <= 1_048_576, column <= 16_384 else { return nil }
        return (column - 1, row)
    }
}
