/// The fixed texts of the report workbook (`[report]`): the 表号 block the province's
/// statistical system assigns, the 填报单位, the names in the footer, and whom county
/// clerks ask about the fill-in template. Every one is empty by default and then printed
/// as an empty field to fill by hand.
public struct ReportSettings: Sendable, Hashable {
    /// 表号, e.g. `医保监管统1表`.
    public var tableNumber = ""
    /// 制表机关, e.g. `某省医疗保障局`.
    public var authority = ""
    /// 批准文号.
    public var approvalNumber = ""
    /// 有效期至, e.g. `2027年12月`.
    public var validUntil = ""
    /// 填报单位, e.g. `某市医疗保障局`.
    public var reportingUnit = ""
    /// 单位负责人, 统计负责人, 填表人.
    public var unitHead = "", statisticsHead = "", preparer = ""
    /// Whom a clerk asks about the template (name and telephone), printed on its 填报说明 sheet.
    public var contact = ""

    public init() {}

    public static let standard = ReportSettings()

    static let keys = [
        "table_number", "authority", "approval_number", "valid_until", "reporting_unit", "unit_head", "statistics_head", "preparer", "contact",
    ]

    public init(config: ConfigFile) throws(ConfigFile.Problem) {
        self.init()
        for entry in config.section("report") {
            switch entry.key {
            case "table_number": tableNumber = try config.text(entry)
            case "authority": authority = try config.text(entry)
            case "approval_number": approvalNumber = try config.text(entry)
            case "valid_until": validUntil = try config.text(entry)
            case "reporting_unit": reportingUnit = try config.text(entry)
            case "unit_head": unitHead = try config.text(entry)
            case "statistics_head": statisticsHead = try config.text(entry)
            case "preparer": preparer = try config.text(entry)
            case "contact": contact = try config.text(entry)
            default: throw config.problem(entry, "unknown key \(entry.key) in [report]; known: " + Self.keys.joined(separator: ", "))
            }
        }
    }
}
