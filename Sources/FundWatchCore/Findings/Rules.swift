// The rules every reader applies to files, containers and their structure (CSV and XML);
// the rules of single fields live with the readers' field checks.

// MARK: - Files, encodings, containers

extension Rule {
    public static let pathNotFound = Rule(
        "input.not_found", "路径不存在或其中没有提交文件", "path does not exist or holds no submission",
        expected: "XML 文件、Excel 工作簿 (.xlsx)、含 submission.csv 的文件夹,或其 zip 压缩包 (an .xml, an .xlsx, a CSV folder or a .zip of one)")
    public static let fileMissing = Rule(
        "input.file_missing", "缺少台账文件", "register file missing",
        expected: "同一文件夹中的 submission.csv、institutions.csv、inspections.csv 和 cases.csv (the four CSV files in one folder)")
    public static let fileUnreadable = Rule("input.unreadable", "文件无法读取", "file cannot be read", expected: "可以读取的文件 (a readable file)")
    public static let tooLarge = Rule(
        "input.too_large", "提交文件解压后超过 2 GiB", "submission larger than 2 GiB once unpacked",
        expected: "解压后合计不超过 2 GiB (at most 2,147,483,648 bytes in all)")
    public static let zipInvalid = Rule(
        "zip.invalid", "不是有效的 zip 文件,或文件已损坏", "not a valid zip archive", expected: "一个 CSV 文件夹压缩成的 zip 文件 (a zip archive of one CSV folder)")
    public static let unknownFormat = Rule(
        "input.unknown_format", "上传的文件不是 Excel 工作簿、XML 文件或 zip 压缩包", "the uploaded file is neither an .xlsx workbook, XML nor a zip",
        expected: "填好的 Excel 模板 (.xlsx)、XML 报表,或 CSV 文件夹压缩成的 zip (the .xlsx template, an .xml or a .zip of one CSV folder)")
    public static let zipLimit = Rule(
        "zip.limit", "zip 压缩包超出安全限制(条目过多或压缩比异常)", "zip exceeds the safety limits (too many entries or an abnormal ratio)",
        expected: "不超过 1,000 个条目,每个条目解压后不超过压缩大小的 100 倍 (at most 1,000 entries, each inflating to at most 100×)")
    public static let zipEncrypted = Rule(
        "zip.encrypted", "zip 压缩包已加密", "zip entry is encrypted",
        expected: "不设密码的 zip 文件 (a zip without a password)")
    public static let zipUnsafePath = Rule(
        "zip.unsafe_path", "zip 条目路径越出所在文件夹", "zip entry name leaves its folder",
        expected: "条目名为相对路径,不含 .. 也不以 / 开头 (relative entry names without `..` or a leading `/`)")
    public static let encoding = Rule(
        "encoding.invalid", "文件编码无效", "invalid bytes for the file's encoding",
        expected: "整个文件使用 UTF-8(可带 BOM)或 GB18030/GBK 编码 (UTF-8 or GB18030/GBK throughout)")
    public static let bundleConflict = Rule(
        "bundle.version_conflict", "同一县区同一期间的两个版本报送日期相同但内容不同",
        "two versions of one county and period have the same submitted_on but different contents",
        expected: "每个报送日期只有一个版本:删去其中一个文件,或改正其报送日期 (one version per submitted_on)")
}

// MARK: - CSV structure

extension Rule {
    public static let csvQuote = Rule(
        "csv.quote", "引号不匹配", "unbalanced quote",
        expected: "用双引号括起的字段以引号加逗号或换行结束,字段内的引号写两次(RFC 4180) (RFC 4180 quoting)")
    public static let csvFieldTooLong = Rule(
        "csv.field_too_long", "字段超过 1 MiB", "field longer than 1 MiB",
        expected: "每个字段不超过 1 MiB (at most 1,048,576 bytes per field)")
    public static let csvTooManyFields = Rule(
        "csv.too_many_fields", "一行超过 64 个字段", "line has more than 64 fields",
        expected: "每行不超过 64 个字段 (at most 64 fields per line)")
    public static let csvFieldCount = Rule(
        "csv.field_count", "该行字段数与表头不一致", "row has a different number of fields than the header",
        expected: "与表头行相同的字段数 (as many fields as the header row)")
    public static let csvUnknownColumn = Rule("csv.unknown_column", "未知列", "unknown column", expected: "只用格式说明中的列名 (only the columns of FORMAT.md)")
    public static let csvMissingColumn = Rule("csv.missing_column", "缺少必填列", "required column missing", expected: "所有必填列 (every required column)")
    public static let csvDuplicateColumn = Rule("csv.duplicate_column", "列名重复", "column appears twice", expected: "每列只出现一次 (each column once)")
    public static let csvEmpty = Rule(
        "csv.empty", "文件为空,没有表头行", "file is empty: no header row", expected: "第一行为列名 (a header row with the column names)")
    public static let headerLayout = Rule(
        "header.layout", "submission.csv 格式不符", "submission.csv is not a field,value table",
        expected: "第一行为 field,value,之后每行一个报送信息字段 (first row `field,value`, then one row per field)")
    public static let headerUnknownField = Rule(
        "header.unknown_field", "未知的表头字段", "unknown header field",
        expected: "县区代码 county_code、县区名称 county_name、报送期间 period、填报人 prepared_by、报送日期 submitted_on")
    public static let headerDuplicateField = Rule(
        "header.duplicate_field", "表头字段重复", "header field given twice", expected: "每个报送信息字段只填一次 (each header field once)")
}

// MARK: - XML structure

extension Rule {
    public static let xmlMalformed = Rule(
        "xml.malformed", "XML 格式错误(不完整或不合规范)", "XML is not well-formed",
        expected: "完整、格式正确的 UTF-8 XML 文件 (a complete, well-formed XML document)")
    public static let xmlDoctype = Rule(
        "xml.doctype", "XML 含有 DTD 声明,出于安全原因拒绝", "XML has a DTD (DOCTYPE); refused for safety",
        expected: "不含 DOCTYPE、实体声明或外部引用 (no DOCTYPE, entities or external references)")
    public static let xmlSchema = Rule(
        "xml.schema", "XML 不符合提交格式架构 (submission.xsd)", "XML does not match the submission schema",
        expected: "元素与格式说明一致,命名空间 urn:fundwatch:submission:1 (elements as in FORMAT.md)")
    public static let xmlFieldTooLong = Rule(
        "xml.field_too_long", "元素内容超过 1 MiB", "element text longer than 1 MiB",
        expected: "每个字段不超过 1 MiB (at most 1,048,576 bytes per field)")
}
