import FundWatchCore
import FundWatchCrypto

/// The digests a plan publishes: one per input, over a canonical text of it (docs/DRAW.md,
/// "Input digests"), and the digest of them all that keys the stream. Two parties with the
/// same inputs get the same digests whatever file format the inputs came in.
public struct DrawDigests: Sendable, Hashable, Codable {
    public var targets: String
    public var inspectors: String
    public var items: String
    public var previous: String
    public var parameters: String
    /// SHA-256 of the five lines `targets=…`, `inspectors=…`, `items=…`, `previous=…`, `parameters=…`.
    public var inputs: String

    /// The names and values, in the order they are combined.
    public var all: [(name: String, value: String)] {
        [("targets", targets), ("inspectors", inspectors), ("items", items), ("previous", previous), ("parameters", parameters)]
    }

    public init(targets: String, inspectors: String, items: String, previous: String, parameters: String) {
        self.targets = targets
        self.inspectors = inspectors
        self.items = items
        self.previous = previous
        self.parameters = parameters
        inputs = SHA256Digest.hex(
            of: [
                ("targets", targets), ("inspectors", inspectors), ("items", items), ("previous", previous),
                ("parameters", parameters),
            ].map { "\($0.0)=\($0.1)\n" }.joined())
    }

    /// The digests of `inputs` and `parameters` (the seed is not among them: it is published beside them).
    public init(_ inputs: DrawInputs, _ parameters: DrawParameters) {
        func digest(_ lines: [String]) -> String { SHA256Digest.hex(of: lines.map { $0 + "\n" }.joined()) }
        self.init(
            targets: digest(
                inputs.targets.sorted { ($0.countyCode, $0.code) < ($1.countyCode, $1.code) }.map {
                    [$0.countyCode, $0.code, $0.category.rawValue, $0.riskClass?.rawValue ?? "-", Self.clean($0.name)].joined(separator: "|")
                }),
            inspectors: digest(
                inputs.inspectors.sorted { $0.id < $1.id }.map {
                    [$0.id, $0.countyCode, Self.clean($0.unit), $0.qualified ? "1" : "0", Self.clean($0.name)].joined(separator: "|")
                }),
            items: digest(
                inputs.items.sorted { $0.id < $1.id }.map { [$0.id, $0.category?.rawValue ?? "-", Self.clean($0.title)].joined(separator: "|") }),
            previous: digest(inputs.previous.flatMap { draw in draw.codes.map { "\(draw.period)|\($0)" } }.sorted()),
            parameters: digest(Self.parameterLines(parameters)))
    }

    /// `key=value` lines of the parameters, in a fixed order.
    static func parameterLines(_ p: DrawParameters) -> [String] {
        ["version=1", "period=\(p.period)", "ratio=\(p.ratioPercent)"]
            + RiskClass.allCases.map { "ratio.\($0.rawValue)=\(p.classRatios[$0] ?? p.ratioPercent)" }
            + ["cross_county=\(p.crossCounty)", "exclude_months=\(p.excludeMonths)", "window_months=\(p.windowMonths)"]
    }

    /// A field as it enters a digest line: `|` and line breaks become spaces.
    static func clean(_ text: String) -> String {
        String(text.map { "|\n\r".contains($0) ? " " : $0 })
    }
}
