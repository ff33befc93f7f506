import CLibXML2
import Foundation
import FundWatchCore

/// What `submission.xsd` fixes, checked on the SAX events of the reading pass itself:
/// the root `submission`; each header field and register exactly once, in any order; only
/// rows in a register; each row field at most once and the required ones present; every
/// element in the submission namespace; text only in fields; no attributes.
///
/// The check is one-sided. When it ends ``isCertainlyValid``, the document is valid
/// against the schema, and reading it needs no validator (libxml2's plugged-in XSD
/// validator cost as much as the parsing). Anything else — a doubt as much as an error:
/// an attribute (even `xsi:schemaLocation`), an unknown or misplaced element, a duplicate,
/// a missing field, text between elements — sends the document through libxml2's XSD
/// validation, which gives the findings. Tests check the tables against the XSD and the
/// verdict against libxml2's on mutated documents.
struct XMLStructureCheck {
    static let namespace = "urn:fundwatch:submission:1"

    /// A row element and its fields, in the XSD's order, with whether each is required.
    struct RowType {
        let container: String
        let row: String
        let fields: [(name: String, required: Bool)]

        var requiredMask: UInt64 {
            fields.enumerated().reduce(0) { $1.element.required ? $0 | (1 << UInt64($1.offset)) : $0 }
        }
    }

    /// The header fields, each required once (the registers join them in the root's `xs:all`).
    static let headerFields = ["county_code", "county_name", "period", "prepared_by", "submitted_on"]

    /// The registers and their rows, as submission.xsd declares them.
    static let rowTypes: [RowType] = [
        RowType(
            container: "institutions", row: "institution",
            fields: [("code", true), ("name", true), ("category", true), ("agreement_status", true)]),
        RowType(
            container: "inspections", row: "inspection",
            fields: [("institution_code", true), ("inspected_on", true), ("method", true), ("problems_found", false)]),
        RowType(
            container: "cases", row: "case",
            fields: [
                ("case_id", true), ("institution_code", false), ("opened_on", true), ("closed_on", false),
                ("source", true), ("violations", true), ("amount_involved", false), ("amount_refused", false),
                ("amount_recovered", false), ("damages", false), ("fine", false), ("voluntary_refund", false),
                ("actions", false), ("suspension_months", false), ("police_transfer_on", false),
                ("discipline_transfer_on", false), ("exposed_on", false), ("public_attention", false),
                ("notice_submitted_on", false), ("reporter", false), ("reward_paid", false), ("discovery", false),
                ("facts", false), ("outcome", false), ("basis", false), ("subject_type", false), ("physician_id", false),
                ("points", false),
            ]),
        RowType(
            container: "tipoffs", row: "tipoff",
            fields: [
                ("tipoff_id", true), ("received_on", true), ("channel", true), ("real_name", false), ("subject_type", true),
                ("institution_code", false), ("decided_on", false), ("decision", false), ("informed_on", false), ("closed_on", false),
                ("substantiated", false), ("case_id", false), ("feedback_on", false), ("reward_paid", false), ("reward_paid_on", false),
                ("reporter", false),
            ]),
    ]

    /// Registers a submission may leave out (the tip-offs, added after the first format).
    static let optionalContainers: Set<String> = ["tipoffs"]

    /// The children of the root: the header fields, then the registers.
    static let rootChildren = headerFields + rowTypes.map(\.container)

    /// False once anything was met that is not certainly valid.
    private(set) var isCertainlyValid = true
    /// Open elements: 0 outside the root; the root is at depth 1, its children at 2, rows
    /// at 3, row fields at 4. What is open at each depth follows from the depth, so a few
    /// scalars stand for the stack (no array touched per event).
    private var depth = 0
    private var sawRoot = false
    private var rootSeen: UInt64 = 0
    /// Whether the open child of the root is a header field (text only), else a register.
    private var inHeaderField = false
    private var container = 0
    private var rowSeen: UInt64 = 0
    /// The namespace URI pointer last found equal to ``namespace``.
    private var namespacePointer: UnsafeRawPointer?
    /// Positions of names, by libxml2's interned pointer, among the root's children and
    /// within each row type (-1: not there): a few dozen names, searched in order.
    private var rootNames: [(name: UnsafeRawPointer, index: Int)] = []
    private var fieldNames: [[(name: UnsafeRawPointer, index: Int)]] = Array(repeating: [], count: rowTypes.count)
    private var rowNames: [UnsafeRawPointer?] = Array(repeating: nil, count: rowTypes.count)
    private static let requiredMasks = rowTypes.map(\.requiredMask)
    /// The root's children every submission has.
    private static let requiredRoot: UInt64 = rootChildren.enumerated().reduce(0) {
        optionalContainers.contains($1.element) ? $0 : $0 | (1 << UInt64($1.offset))
    }

    init() {}

    private mutating func doubt() {
        isCertainlyValid = false
    }

    private func isNamespace(_ uri: UnsafePointer<xmlChar>?) -> Bool {
        guard let uri else { return false }
        return strcmp(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self), Self.namespace) == 0
    }

    private static func text(_ pointer: UnsafeRawPointer) -> String {
        String(cString: pointer.assumingMemoryBound(to: CChar.self))
    }

    /// An element starts: its interned local name, namespace URI and attribute count.
    mutating func start(_ localName: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?, attributes: Int32) {
        guard isCertainlyValid else { return }
        guard let localName, attributes == 0 else { return doubt() }
        let uriPointer = uri.map(UnsafeRawPointer.init)
        if uriPointer == nil || uriPointer != namespacePointer {
            guard isNamespace(uri) else { return doubt() }
            namespacePointer = uriPointer
        }
        let name = UnsafeRawPointer(localName)
        switch depth {
        case 0:
            guard !sawRoot, Self.text(name) == "submission" else { return doubt() }
            sawRoot = true
        case 1:
            let index = rootChild(name)
            guard index >= 0, rootSeen & (1 << UInt64(index)) == 0 else { return doubt() }
            rootSeen |= 1 << UInt64(index)
            inHeaderField = index < Self.headerFields.count
            container = index - Self.headerFields.count
        case 2:
            guard !inHeaderField else { return doubt() }
            if name != rowNames[container] {
                guard rowNames[container] == nil, Self.text(name) == Self.rowTypes[container].row else { return doubt() }
                rowNames[container] = name
            }
            rowSeen = 0
        case 3:
            let index = field(name, of: container)
            guard index >= 0, rowSeen & (1 << UInt64(index)) == 0 else { return doubt() }
            rowSeen |= 1 << UInt64(index)
        default:
            return doubt()
        }
        depth += 1
    }

    private mutating func rootChild(_ name: UnsafeRawPointer) -> Int {
        for known in rootNames where known.name == name { return known.index }
        let found = Self.rootChildren.firstIndex(of: Self.text(name)) ?? -1
        rootNames.append((name, found))
        return found
    }

    private mutating func field(_ name: UnsafeRawPointer, of type: Int) -> Int {
        for known in fieldNames[type] where known.name == name { return known.index }
        let text = Self.text(name)
        let found = Self.rowTypes[type].fields.firstIndex { $0.name == text } ?? -1
        fieldNames[type].append((name, found))
        return found
    }

    /// The innermost open element ends.
    mutating func end() {
        guard isCertainlyValid, depth > 0 else { return doubt() }
        switch depth {
        case 1:
            if rootSeen & Self.requiredRoot != Self.requiredRoot { doubt() }
        case 3:
            let required = Self.requiredMasks[container]
            if rowSeen & required != required { doubt() }
        default:
            break
        }
        depth -= 1
    }

    /// Text (characters, whitespace or CDATA) inside the innermost open element: anything in
    /// a field; elsewhere only XML Schema's whitespace (space, tab, newline, return).
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Fields are at depth 4, header fields at 2: any text goes there.
        guard isCertainlyValid, depth > 0, depth != 4, !(depth == 2 && inHeaderField) else { return }
        for byte in bytes where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            return doubt()
        }
    }

    /// At the end of the document: true when every element was closed and all was certain.
    var documentIsCertainlyValid: Bool { isCertainlyValid && sawRoot && depth == 0 }
}
