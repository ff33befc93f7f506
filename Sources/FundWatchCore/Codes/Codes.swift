/// Category of a designated institution (`category`).
public enum InstitutionCategory: String, LabelledCode, Codable {
    public static let table = CodeTable<Self>()

    case publicHospital = "public_hospital"
    case privateHospital = "private_hospital"
    case primaryCare = "primary_care"
    case pharmacy

    public var label: String {
        switch self {
        case .publicHospital: "公立医院"
        case .privateHospital: "民营医院"
        case .primaryCare: "基层医疗机构"
        case .pharmacy: "定点零售药店"
        }
    }
}

/// State of an institution's service agreement (`agreement_status`).
public enum AgreementStatus: String, LabelledCode {
    public static let table = CodeTable<Self>()

    case active
    case suspended
    case terminated

    public var label: String {
        switch self {
        case .active: "正常"
        case .suspended: "暂停"
        case .terminated: "解除"
        }
    }

    /// Only active and suspended institutions count as designated (定点).
    public var isDesignated: Bool { self != .terminated }
}

/// How an inspection was made (`method`).
public enum InspectionMethod: String, LabelledCode {
    public static let table = CodeTable<Self>()

    case routine, special, flight, cross, random, smart, tipoff
    case selfInspection = "self"

    public var label: String {
        switch self {
        case .routine: "日常巡查"
        case .special: "专项检查"
        case .flight: "飞行检查"
        case .cross: "交叉检查"
        case .random: "双随机抽查"
        case .smart: "智能监控"
        case .tipoff: "举报核查"
        case .selfInspection: "自查自纠"
        }
    }
}

/// Where a case came from (`source`): an inspection method, or a referral from above.
public enum CaseSource: Hashable, Sendable {
    case method(InspectionMethod)
    case referral

    /// Every source, methods first.
    public static var allCases: [CaseSource] { InspectionMethod.allCases.map { .method($0) } + [.referral] }

    public var code: String {
        switch self {
        case .method(let m): m.code
        case .referral: "referral"
        }
    }

    public var label: String {
        switch self {
        case .method(let m): m.label
        case .referral: "上级移交"
        }
    }

    /// Accepts the code or the Chinese label.
    public init?(codeOrLabel text: String) {
        if let method = InspectionMethod(codeOrLabel: text) {
            self = .method(method)
        } else if text == "referral" || text == "上级移交" {
            self = .referral
        } else {
            return nil
        }
    }

    public static var expectedList: String { allCases.map { "\($0.label) \($0.code)" }.joined(separator: " · ") }
}

/// Type of violation (`violations`).
public enum Violation: String, LabelledCode {
    public static let table = CodeTable<Self>()

    case splitBilling = "split_billing"
    case overStandard = "over_standard"
    case duplicateBilling = "duplicate_billing"
    case itemSwap = "item_swap"
    case bundledBilling = "bundled_billing"
    case beyondScope = "beyond_scope"
    case unnecessaryCare = "unnecessary_care"
    case phantomBed = "phantom_bed"
    case inducedAdmission = "induced_admission"
    case fictitiousService = "fictitious_service"
    case forgedDocuments = "forged_documents"
    case cardMisuse = "card_misuse"
    case impersonation
    case drugResale = "drug_resale"
    case nonMedicalGoods = "non_medical_goods"
    case other

    public var label: String {
        switch self {
        case .splitBilling: "分解收费"
        case .overStandard: "超标准收费"
        case .duplicateBilling: "重复收费"
        case .itemSwap: "串换项目"
        case .bundledBilling: "套项目收费"
        case .beyondScope: "超医保支付范围"
        case .unnecessaryCare: "不合理诊疗"
        case .phantomBed: "挂床住院"
        case .inducedAdmission: "诱导住院"
        case .fictitiousService: "虚构医疗服务"
        case .forgedDocuments: "伪造医疗文书票据"
        case .cardMisuse: "盗刷社保卡"
        case .impersonation: "冒名就医"
        case .drugResale: "倒卖药品"
        case .nonMedicalGoods: "串换生活用品"
        case .other: "其他"
        }
    }
}

/// Agreement action taken on a case (`actions`), declared from mild to severe.
public enum AgreementAction: String, LabelledCode {
    public static let table = CodeTable<Self>()

    case interview
    case rectify
    case withhold
    case refuse
    case damages
    case suspend
    case terminate
    case adminPenalty = "admin_penalty"
    case physicianPoints = "physician_points"

    public var label: String {
        switch self {
        case .interview: "约谈"
        case .rectify: "限期整改"
        case .withhold: "暂停拨付"
        case .refuse: "拒付费用"
        case .damages: "支付违约金"
        case .suspend: "暂停(中止)协议"
        case .terminate: "解除协议"
        case .adminPenalty: "行政处罚"
        case .physicianPoints: "医保医师记分"
        }
    }
}
