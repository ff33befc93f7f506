/// Collects the findings of one submission, keeping at most `limit` in detail and
/// counting the rest, so a badly broken file cannot flood memory or the terminal.
public struct FindingCollector: Sendable {
    /// The findings kept, in the order found.
    public private(set) var findings: [Finding] = []
    /// Findings beyond the limit, counted but not kept.
    public private(set) var omitted = 0
    /// Errors found, including omitted ones.
    public private(set) var errorCount = 0
    /// Warnings found, including omitted ones.
    public private(set) var warningCount = 0
    public let limit: Int

    public init(limit: Int = 200) { self.limit = limit }

    public var hasErrors: Bool { errorCount > 0 }

    public mutating func add(_ finding: Finding) {
        if finding.severity == .error { errorCount += 1 } else { warningCount += 1 }
        if findings.count < limit { findings.append(finding) } else { omitted += 1 }
    }

    /// Adds a finding for `rule` at `location`.
    public mutating func add(
        _ rule: Rule, at location: FindingLocation, detail: String = "", detailEN: String = "", expected: String? = nil, key: String? = nil
    ) {
        add(
            Finding(
                at: location, rule: rule.id, severity: rule.severity,
                message: detail.isEmpty ? rule.message : rule.message + ":" + detail,
                messageEN: detailEN.isEmpty ? rule.messageEN : rule.messageEN + ": " + detailEN,
                expected: expected ?? rule.expected, key: key))
    }
}
