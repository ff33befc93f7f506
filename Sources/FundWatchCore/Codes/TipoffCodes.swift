/// How a tip-off reached the bureau (`channel`).
public enum TipoffChannel: String, LabelledCode {
    public static let table = CodeTable<Self>()

    case hotline, letter, online, visit, referral, media

    public var label: String {
        switch self {
        case .hotline: "12393热线"
        case .letter: "信函"
        case .online: "网络"
        case .visit: "来访"
        case .referral: "上级转办"
        case .media: "媒体"
        }
    }
}

/// Whom a tip-off or a case is about (`subject_type`).
public enum SubjectType: String, LabelledCode {
    public static let table = CodeTable<Self>()

    case institution, insured, agency, physician, other

    public var label: String {
        switch self {
        case .institution: "定点医药机构"
        case .insured: "参保人员"
        case .agency: "经办机构"
        case .physician: "医保医师"
        case .other: "其他"
        }
    }
}

/// The decision whether to open a case on a tip-off (`decision`, 是否立案决定).
public enum TipoffDecision: String, LabelledCode {
    public static let table = CodeTable<Self>()

    case file, reject, transfer

    public var label: String {
        switch self {
        case .file: "立案"
        case .reject: "不予立案"
        case .transfer: "移送"
        }
    }
}
