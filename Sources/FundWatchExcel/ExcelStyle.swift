import CXlsxWriter

/// How a cell looks: a value type, so equal styles share one format in the workbook.
public struct ExcelStyle: Hashable, Sendable {
    /// A number format: a built-in one by index (as NOTES.md advises for 1.1.4), or a custom code.
    public enum NumberFormat: Hashable, Sendable {
        case builtin(UInt8)
        case custom(String)

        /// `0.00`.
        public static let twoDecimals = NumberFormat.builtin(2)
        /// `@`: text, so Excel keeps every digit of a code.
        public static let text = NumberFormat.builtin(49)
        /// `yyyy-mm-dd`.
        public static let isoDate = NumberFormat.custom("yyyy-mm-dd")
        /// `0.0%`.
        public static let percentOneDecimal = NumberFormat.custom("0.0%")
        /// `0`.
        public static let integer = NumberFormat.builtin(1)
    }

    public enum Alignment: Hashable, Sendable { case left, center, right }

    public var bold = false
    public var fontSize: Double?
    public var numberFormat: NumberFormat?
    /// Unlocked cells stay editable on a protected sheet.
    public var unlocked = false
    public var wrap = false
    public var alignment: Alignment?
    public var verticalCenter = false
    public var border = false
    /// A solid fill, RGB (`0xE8EEF5`).
    public var fill: UInt32?
    /// Font colour, RGB.
    public var color: UInt32?

    public init(
        bold: Bool = false, fontSize: Double? = nil, numberFormat: NumberFormat? = nil, unlocked: Bool = false, wrap: Bool = false,
        alignment: Alignment? = nil, verticalCenter: Bool = false, border: Bool = false, fill: UInt32? = nil, color: UInt32? = nil
    ) {
        self.bold = bold
        self.fontSize = fontSize
        self.numberFormat = numberFormat
        self.unlocked = unlocked
        self.wrap = wrap
        self.alignment = alignment
        self.verticalCenter = verticalCenter
        self.border = border
        self.fill = fill
        self.color = color
    }

    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if bold { format_set_bold(format) }
        if let fontSize { format_set_font_size(format, fontSize) }
        switch numberFormat {
        case .builtin(let index): format_set_num_format_index(format, index)
        case .custom(let code): format_set_num_format(format, code)
        case nil: break
        }
        if unlocked { format_set_unlocked(format) }
        if wrap { format_set_text_wrap(format) }
        switch alignment {
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        case nil: break
        }
        if verticalCenter { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)) }
        if border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, lxw_color_t(fill))
        }
        if let color { format_set_font_color(format, lxw_color_t(color)) }
    }
}
