import Foundation
import FundWatchCore
import FundWatchInput
import FundWatchTestSupport
import Testing

@Suite("XML submissions: schema, rules and safety")
struct XMLReaderTests {
    /// A copy of the example XML with `old` replaced by `new` (which must occur).
    static func broken(_ old: String, _ new: String) throws -> (path: String, workspace: Workspace) {
        let workspace = try Workspace()
        let path = try workspace.exampleXML()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: false, encoding: .utf8)
        return (path, workspace)
    }

    @Test("a value rule names the element path and the line")
    func valueRule() throws {
        let line = try Workspace.line(of: "<closed_on>2026-03-20</closed_on>", in: Workspace.exampleXML)
        let (path, _) = try Self.broken("<closed_on>2026-03-20</closed_on>", "<closed_on>2026-03-04</closed_on>")
        let f = try #require(expectFinding(try readOne(path), rule: "cases.closed_on.order", file: "example.xml", line: line))
        #expect(f.element == "/submission/cases/case[1]/closed_on")
    }

    @Test("a reference rule in the third inspection")
    func referenceRule() throws {
        let line = try Workspace.line(of: "<institution_code>H99010100002</institution_code>", in: Workspace.exampleXML)
        let (path, _) = try Self.broken("<institution_code>H99010100002</institution_code>", "<institution_code>H99010100007</institution_code>")
        let f = try #require(expectFinding(try readOne(path), rule: "inspections.institution_code.reference", file: "example.xml", line: line))
        #expect(f.element == "/submission/inspections/inspection[3]/institution_code")
    }

    @Test("an unknown element is a schema error naming its line")
    func unknownElement() throws {
        let line = try Workspace.line(of: "<method>routine</method>", in: Workspace.exampleXML)
        let (path, _) = try Self.broken("<method>routine</method>", "<mode>routine</mode>")
        let f = try #require(expectFinding(try readOne(path), rule: "xml.schema", file: "example.xml", line: line))
        #expect(f.messageEN.contains("mode"))
    }

    @Test("a missing required element is a schema error")
    func missingElement() throws {
        let (path, _) = try Self.broken("<case_id>2026-003</case_id>", "")
        let loaded = try readOne(path)
        #expect(loaded.submission == nil)
        #expect(loaded.findings.findings.contains { $0.rule == "xml.schema" && $0.messageEN.contains("case_id") })
    }

    @Test("a wrong namespace is a schema error")
    func wrongNamespace() throws {
        let (path, _) = try Self.broken("urn:fundwatch:submission:1", "urn:example:other")
        expectFinding(try readOne(path), rule: "xml.schema", file: "example.xml", line: 2)
    }

    @Test("header fields and row fields may come in any order; empty optional elements are empty")
    func anyOrder() throws {
        let (path, _) = try Self.broken(
            "  <county_code>990101</county_code>\n  <county_name>示例区</county_name>",
            "  <county_name>示例区</county_name>\n  <county_code>990101</county_code>")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "<closed_on>2026-03-01</closed_on>", with: "<closed_on/>")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let s = try #require(try readOne(path).submission)
        #expect(s.header.countyCode == "990101")
        #expect(s.cases[2].closedOn == nil)
    }

    @Test("a truncated document is refused as malformed")
    func truncated() throws {
        let workspace = try Workspace()
        let path = try workspace.exampleXML()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
        let loaded = try readOne(path)
        #expect(loaded.submission == nil)
        let f = try #require(loaded.findings.findings.first)
        #expect(f.rule == "xml.malformed")
        #expect(f.line != nil)
    }

    @Test("invalid UTF-8 is refused as malformed with its line")
    func invalidUTF8() throws {
        let workspace = try Workspace()
        let path = try workspace.exampleXML()
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let marker = Array("<county_name>".utf8)
        let at = try #require((0..<bytes.count - marker.count).first { Array(bytes[$0..<$0 + marker.count]) == marker }) + marker.count
        bytes[at] = 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let loaded = try readOne(path)
        #expect(loaded.findings.findings.first?.rule == "xml.malformed")
        #expect(loaded.findings.findings.first?.line == 4)
        #expect(loaded.submission == nil)
    }

    @Test("an XXE document is refused and the entity is never read")
    func xxe() throws {
        let (path, _) = try Self.broken(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<submission",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE submission [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<submission")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "<county_name>示例区</county_name>", with: "<county_name>&xxe;</county_name>")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let loaded = try readOne(path)
        expectFinding(loaded, rule: "xml.doctype", file: "example.xml", line: 2)
        #expect(!loaded.findings.findings.map(\.formatted).joined().contains("root:"))
    }

    @Test("a billion-laughs document is refused quickly")
    func billionLaughs() throws {
        var dtd = "<!DOCTYPE submission [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let previous = i == 1 ? "lol" : "lol\(i - 1)"
            dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        dtd += "]>\n"
        let (path, _) = try Self.broken("<submission xmlns", dtd + "<submission xmlns")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "<prepared_by>王晓</prepared_by>", with: "<prepared_by>&lol9;</prepared_by>")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let clock = ContinuousClock()
        let started = clock.now
        let loaded = try readOne(path)
        #expect(clock.now - started < .seconds(5))
        #expect(loaded.submission == nil)
        #expect(loaded.findings.findings.first?.rule == "xml.doctype")
    }

    @Test("an external DTD reference is refused without any network access")
    func externalDTD() throws {
        let (path, _) = try Self.broken("<submission xmlns", "<!DOCTYPE submission SYSTEM \"http://192.0.2.1/x.dtd\">\n<submission xmlns")
        expectFinding(try readOne(path), rule: "xml.doctype", file: "example.xml", line: 2)
    }

    @Test("an element longer than 1 MiB is refused")
    func fieldTooLong() throws {
        let (path, _) = try Self.broken("<facts>挂床住院3人次</facts>", "<facts>" + String(repeating: "x", count: 1_048_577) + "</facts>")
        let loaded = try readOne(path)
        #expect(loaded.submission == nil)
        #expect(loaded.findings.findings.contains { $0.rule == "xml.field_too_long" && $0.element?.hasSuffix("case[3]/facts") == true })
    }
}
