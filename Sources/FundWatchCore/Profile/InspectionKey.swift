/// An inspection's identity for comparing two months: institution, day and method (two
/// visits of one kind on one day count twice).
public struct InspectionKey: Hashable, Sendable {
    public let institutionCode: String
    public let day: Day
    /// The method's code.
    public let method: String

    public init(institutionCode: String, day: Day, method: String) {
        self.institutionCode = institutionCode
        self.day = day
        self.method = method
    }

    public init(_ inspection: Inspection) {
        self.init(institutionCode: inspection.institutionCode, day: inspection.inspectedOn, method: inspection.method.code)
    }

    /// `H99010100001/2026-01-15`, the key of a finding.
    public var text: String { "\(institutionCode)/\(day)" }
}
