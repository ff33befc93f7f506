// The rules every reader applies to files, containers and their structure (CSV and XML);
// the rules of single fields live with the readers' field checks.

// MARK: - Files, encodings, containers

extension Rule {
    public static let pathNotFound = Rule("input.not_found", "路径不存在或其中没有提交文件", "path does not exist or holds no submission",
        expected: "an .xml file, an .xlsx workbook, a folder with submission.csv, or a .zip of one")
    public static let fileMissing = Rule("input.file_missing", "缺少台账文件", "register file missing",
        expected: "submission.csv, institutions.csv, inspections.csv and cases.csv in one folder")
    public static let fileUnreadable = Rule("input.unreadable", "文件无法读取", "file cannot be read", expected: "a readable file")
    public static let tooLarge = Rule("input.too_large", "提交文件解压后超过 2 GiB", "submission larger than 2 GiB once unpacked",
        expected: "at most 2,147,483,648 bytes in all")
    public static let zipInvalid = Rule("zip.invalid", "不是有效的 zip 文件,或文件已损坏", "not a valid zip archive", expected: "a zip archive of one CSV folder")
    public static let unknownFormat = Rule("input.unknown_format", "上传的文件不是 Excel 工作簿、XML 文件或 zip 压缩包", "the uploaded file is neither an .xlsx workbook, XML nor a zip",
        expected: "the filled-in .xlsx template, an .xml submission, or a .zip of one CSV folder")
    public static let zipLimit = Rule("zip.limit", "zip 压缩包超出安全限制(条目过多或压缩比异常)", "zip exceeds the safety limits (too many entries or an abnormal ratio)",
        expected: "at most 1,000 entries, each inflating to at most 100 times its compressed size")
    public static let zipEncrypted = Rule("zip.encrypted", "zip 压缩包已加密", "zip entry is encrypted",
        expected: "a zip without a password")
    public static let zipUnsafePath = Rule("zip.unsafe_path", "zip 条目路径越出所在文件夹", "zip entry name leaves its folder",
        expected: "relative entry names without `..` or a leading `/`")
    public static let encoding = Rule("encoding.invalid", "文件编码无效", "invalid bytes for the file's encoding",
        expected: "UTF-8 (with or without BOM) or GB18030/GBK throughout the file")
    public static let bundleConflict = Rule("bundle.version_conflict", "同一县区同一期间的两个版本报送日期相同但内容不同",
        "two versions of one county and period have the same submitted_on but different contents",
        expected: "one version per submitted_on; remove one file or correct its submitted_on")
}

// MARK: - CSV structure

extension Rule {
    public static let csvQuote = Rule("csv.quote", "引号不匹配", "unbalanced quote",
        expected: "RFC 4180 quoting: a quoted field ends with a quote followed by a comma or line end; quotes inside are doubled")
    public static let csvFieldTooLong = Rule("csv.field_too_long", "字段超过 1 MiB", "field longer than 1 MiB",
        expected: "at most 1,048,576 bytes per field")
    public static let csvTooManyFields = Rule("csv.too_many_fields", "一行超过 64 个字段", "line has more than 64 fields",
        expected: "at most 64 fields per line")
    public static let csvFieldCount = Rule("csv.field_count", "该行字段数与表头不一致", "row has a different number of fields than the header",
        expected: "as many fields as the header row")
    public static let csvUnknownColumn = Rule("csv.unknown_column", "未知列", "unknown column", expected: "only the columns of FORMAT.md")
    public static let csvMissingColumn = Rule("csv.missing_column", "缺少必填列", "required column missing", expected: "every required column")
    public static let csvDuplicateColumn = Rule("csv.duplicate_column", "列名重复", "column appears twice", expected: "each column once")
    public static let csvEmpty = Rule("csv.empty", "文件为空,没有表头行", "file is empty: no header row", expected: "a header row with the column names")
    public static let headerLayout = Rule("header.layout", "submission.csv 格式不符", "submission.csv is not a field,value table",
        expected: "first row `field,value`, then one row per header field")
    public static let headerUnknownField = Rule("header.unknown_field", "未知的表头字段", "unknown header field",
        expected: "county_code, county_name, period, prepared_by, submitted_on")
    public static let headerDuplicateField = Rule("header.duplicate_field", "表头字段重复", "header field given twice", expected: "each header field once")
}

// MARK: - XML structure

extension Rule {
    public static let xmlMalformed = Rule("xml.malformed", "XML 格式错误(不完整或不合规范)", "XML is not well-formed",
        expected: "a complete, well-formed UTF-8 XML document")
    public static let xmlDoctype = Rule("xml.doctype", "XML 含有 DTD 声明,出于安全原因拒绝", "XML has a DTD (DOCTYPE); refused for safety",
        expected: "no DOCTYPE, no entity declarations, no external references")
    public static let xmlSchema = Rule("xml.schema", "XML 不符合提交格式架构 (submission.xsd)", "XML does not match the submission schema",
        expected: "elements as in FORMAT.md, namespace urn:fundwatch:submission:1")
    public static let xmlFieldTooLong = Rule("xml.field_too_long", "元素内容超过 1 MiB", "element text longer than 1 MiB",
        expected: "at most 1,048,576 bytes per field")
}
