import FundWatchCore

// The rules of .xlsx workbooks: the package, its sheets and cells. Values in cells are
// then checked by the same field rules, with the same ids, as CSV and XML.
extension Rule {
    public static let xlsxLegacy = Rule(
        "xlsx.legacy", "不是 .xlsx 工作簿:加密的工作簿或旧版 .xls/.et 文件无法读取",
        "not an .xlsx workbook: an encrypted workbook or a legacy .xls/.et file cannot be read",
        expected: "在 Excel 或 WPS 中取消密码,另存为 Excel 工作簿 (.xlsx) 后再报送 (remove the password and save as .xlsx)")
    public static let xlsxInvalid = Rule(
        "xlsx.invalid", "工作簿结构损坏,无法读取", "the workbook's package is damaged",
        expected: "用 Excel、WPS 或 LibreOffice 保存的 .xlsx 工作簿 (an .xlsx saved by Excel, WPS or LibreOffice)")
    public static let xlsxDoctype = Rule(
        "xlsx.doctype", "工作簿中的 XML 部件含有 DTD 声明,出于安全原因拒绝",
        "a part of the workbook has a DTD (DOCTYPE); refused for safety", expected: "不含 DOCTYPE 的工作簿,如 Excel、WPS 保存的 (parts without a DOCTYPE)")
    public static let xlsxLimit = Rule(
        "xlsx.limit", "工作簿超出安全限制", "the workbook exceeds a safety limit",
        expected:
            "共享字符串不超过 2,000,000 个、合计不超过 32 MiB,每个工作表不超过 1,000,000 行、256 列 (at most 2,000,000 shared strings of 32 MiB in all, 1,000,000 rows per sheet, 256 columns)"
    )
    public static let xlsxSheetMissing = Rule(
        "xlsx.sheet_missing", "缺少工作表", "a register's sheet is missing",
        expected: "与模板相同的工作表:报送信息、定点医药机构、检查、案件 (the template's sheets)")
    public static let xlsxExplanation = Rule(
        "xlsx.explanation", "核实说明工作表中的这一行无法使用,已忽略", "a row of the 核实说明 sheet cannot be used and was ignored",
        expected: "A 列为核实性审核规则(plausibility.…),B 列为提示对象(或 * 表示该规则的全部提示),C 列为不超过 2000 字的说明 "
            + "(A: a plausibility rule; B: the warning's key, or *; C: an explanation of at most 2000 characters)",
        severity: .warning)
    public static let xlsxExtraSheet = Rule(
        "xlsx.extra_sheet", "工作簿含有模板以外的工作表,已忽略", "a sheet the template does not have was ignored",
        expected: "只保留模板中的工作表,其他内容请另存 (only the template's sheets)", severity: .warning)
    public static let xlsxHeaderRow = Rule(
        "xlsx.header_row", "找不到字段名行", "no row of field keys found",
        expected: "前 10 行中有一行字段名(如 case_id、institution_code)或模板的表头 (a row of field keys or labels in the first 10 rows)")
    public static let xlsxUnknownColumn = Rule(
        "xlsx.unknown_column", "未知列(表头被改动)", "unknown column (a header was changed)",
        expected: "保持模板表头不变 (the template's headers unchanged)")
    public static let xlsxMissingColumn = Rule(
        "xlsx.missing_column", "缺少必填列", "required column missing", expected: "模板中的所有必填列 (every required column of the template)")
    public static let xlsxDuplicateColumn = Rule("xlsx.duplicate_column", "列名重复", "column appears twice", expected: "每列只出现一次 (each column once)")
    public static let xlsxFormula = Rule(
        "xlsx.formula", "单元格的公式没有保存计算结果", "the cell's formula has no stored result",
        expected: "在 Excel 或 WPS 中打开工作簿并保存后再报送(保存时写入公式的计算结果)(open and save the workbook in Excel or WPS)")
    public static let xlsxCellError = Rule(
        "xlsx.cell_error", "单元格是错误值", "the cell holds an error value",
        expected: "填写数值或文字,而不是 #N/A、#VALUE! 之类的错误值 (a value, not an error value)")
}
