import Foundation
import FundWatchCore
import FundWatchTestSupport
import Testing

@testable import FundWatchInput

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The structure check that lets a certainly valid XML submission skip libxml2's XSD
/// validator, held against libxml2 itself: the tables against submission.xsd, and on
/// mutated documents the verdict (certain ⇒ libxml2 finds it valid) and the outcome (the
/// same findings and the same submission as with the validator plugged in).
@Suite("XML structure checked in the reading pass")
struct XMLStructureCheckTests {
    /// A small element tree of an XML document, through Foundation's parser.
    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }
        func all(_ name: String) -> [Node] { children.filter { $0.name == name } }
        func first(_ name: String) -> Node? { children.first { $0.name == name } }
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack = [Node(name: "#document", attributes: [:])]
        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            let node = Node(name: elementName, attributes: attributeDict)
            stack.last!.children.append(node)
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }
    }

    static func schemaTree() throws -> Node {
        let url = try #require(SubmissionSchema.url)
        let parser = try #require(XMLParser(contentsOf: url))
        let builder = TreeBuilder()
        parser.delegate = builder
        #expect(parser.parse())
        return try #require(builder.stack.first?.first("xs:schema"))
    }

    @Test("the check's tables are submission.xsd's: the root's children, each register's row and its fields with minOccurs")
    func tablesMatchTheSchema() throws {
        let schema = try Self.schemaTree()
        let root = try #require(schema.all("xs:element").first { $0.attributes["name"] == "submission" })
        let rootAll = try #require(root.first("xs:complexType")?.first("xs:all"))
        let children = rootAll.all("xs:element")
        #expect(children.map { $0.attributes["name"] ?? "" } == XMLStructureCheck.rootChildren)
        // Every register once; only the optional ones (the tip-offs) may be left out.
        #expect(children.allSatisfy { $0.attributes["maxOccurs"] == nil })
        #expect(
            Set(children.filter { $0.attributes["minOccurs"] == "0" }.map { $0.attributes["name"] ?? "" }) == XMLStructureCheck.optionalContainers)
        #expect(schema.all("xs:attribute").isEmpty && schema.all("xs:anyAttribute").isEmpty)
        for type in XMLStructureCheck.rowTypes {
            let container = try #require(children.first { $0.attributes["name"] == type.container })
            let row = try #require(container.first("xs:complexType")?.first("xs:sequence")?.first("xs:element"))
            #expect(row.attributes["name"] == type.row)
            #expect(row.attributes["minOccurs"] == "0" && row.attributes["maxOccurs"] == "unbounded")
            let rowType = try #require(schema.all("xs:complexType").first { $0.attributes["name"] == row.attributes["type"] })
            let fields = try #require(rowType.first("xs:all")).all("xs:element")
            #expect(fields.map { $0.attributes["name"] ?? "" } == type.fields.map(\.name), "\(type.row)")
            #expect(fields.map { $0.attributes["minOccurs"] != "0" } == type.fields.map(\.required), "\(type.row)")
            #expect(fields.allSatisfy { $0.attributes["type"] == "text" }, "\(type.row)")
        }
        // Every field's type is text: a plain xs:string, no facet to check.
        let text = try #require(schema.all("xs:simpleType").first { $0.attributes["name"] == "text" })
        let restriction = try #require(text.first("xs:restriction"))
        #expect(restriction.attributes["base"] == "xs:string" && restriction.children.isEmpty)
    }

    static let example: String = {
        let path = SharedFixtures.exampleXML
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    /// What libxml2 says of a mutated document, and so what the check must say.
    enum Expected {
        /// Valid, and the check must be certain of it (the fast path).
        case certain
        /// Not valid against the schema (or not well-formed): the check must not be certain.
        case invalid
        /// Valid; the check may leave it to the validator (an attribute, a character reference).
        case either
    }

    /// Mutations of the worked example: (expected, what, old, new); each `old` occurs in it.
    static let mutations: [(Expected, String, String, String)] = [
        (.certain, "unchanged", "<submission", "<submission"),
        (
            .certain, "header in another order", "  <county_code>990101</county_code>\n  <county_name>示例区</county_name>",
            "  <county_name>示例区</county_name>\n  <county_code>990101</county_code>"
        ),
        (
            .certain, "row fields in another order", "      <case_id>2026-001</case_id>\n      <institution_code>H99010100001</institution_code>",
            "      <institution_code>H99010100001</institution_code>\n      <case_id>2026-001</case_id>"
        ),
        (.certain, "an optional field left out", "      <closed_on>2026-03-20</closed_on>\n", ""),
        (
            .certain, "a comment and a processing instruction in a row", "      <case_id>2026-001</case_id>",
            "      <!-- 备注 --><?note x?><case_id>2026-001</case_id>"
        ),
        (.certain, "a field split by a comment", "<case_id>2026-001</case_id>", "<case_id>2026<!-- - -->-001</case_id>"),
        (.certain, "CDATA and entities in a field", "<name>示例区人民医院</name>", "<name><![CDATA[示例区]]>人民&amp;医院&#x4E00;</name>"),
        (
            .certain, "a prefixed namespace", "<submission xmlns=\"urn:fundwatch:submission:1\">\n  <county_code>990101</county_code>",
            "<submission xmlns=\"urn:fundwatch:submission:1\">\n  <f:county_code xmlns:f=\"urn:fundwatch:submission:1\">990101</f:county_code>"
        ),
        (.either, "a character reference to a space between elements", "  <county_name>", "&#32;<county_name>"),
        (
            .either, "xsi:schemaLocation on the root", "<submission xmlns=\"urn:fundwatch:submission:1\">",
            "<submission xmlns=\"urn:fundwatch:submission:1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:fundwatch:submission:1 submission.xsd\">"
        ),
        (
            .invalid, "an attribute on a row", "    <institution>\n      <code>H99010100002</code>",
            "    <institution id=\"2\">\n      <code>H99010100002</code>"
        ),
        (.invalid, "an unknown element in a row", "<method>routine</method>", "<method>routine</method><mode>x</mode>"),
        (.invalid, "a field twice", "<case_id>2026-001</case_id>", "<case_id>2026-001</case_id><case_id>2026-009</case_id>"),
        (.invalid, "a required field missing", "<case_id>2026-001</case_id>", ""),
        (.invalid, "a header field missing", "  <prepared_by>王晓</prepared_by>\n", ""),
        (.invalid, "a header field twice", "  <prepared_by>王晓</prepared_by>", "  <prepared_by>王晓</prepared_by><prepared_by>李</prepared_by>"),
        (.invalid, "text between a row's fields", "      <case_id>2026-001</case_id>", "      x<case_id>2026-001</case_id>"),
        (.invalid, "text in the root", "  <county_code>", "  文字<county_code>"),
        (.invalid, "a no-break space between elements", "  <county_name>", "\u{00A0}<county_name>"),
        (.invalid, "an element inside a field", "<case_id>2026-001</case_id>", "<case_id>2026-<b>001</b></case_id>"),
        (.invalid, "an element inside a header field", "<period>2026-03</period>", "<period><p>2026-03</p></period>"),
        (
            .invalid, "a row in another namespace", "    <institution>\n      <code>H99010100002</code>",
            "    <institution xmlns=\"urn:other\">\n      <code>H99010100002</code>"
        ),
        (.invalid, "no namespace at all", "<submission xmlns=\"urn:fundwatch:submission:1\">", "<submission>"),
        (
            .invalid, "an inspection among the institutions", "    <institution>\n      <code>H99010100002</code>",
            "    <inspection><institution_code>H99010100001</institution_code><inspected_on>2026-03-02</inspected_on><method>routine</method></inspection>\n    <institution>\n      <code>H99010100002</code>"
        ),
        (
            .invalid, "an empty row", "    <institution>\n      <code>H99010100002</code>",
            "    <institution/>\n    <institution>\n      <code>H99010100002</code>"
        ),
        (.invalid, "an empty register", "<cases>", "<cases/><cases_gone>"),
        (.invalid, "another root", "<submission xmlns=\"urn:fundwatch:submission:1\">", "<return xmlns=\"urn:fundwatch:submission:1\">"),
        (.invalid, "not well-formed", "</county_name>", "</county_nam>"),
    ]

    /// A document read on both paths: with the check in the pass, and always with the validator.
    static func bothPaths(_ stream: MemoryByteStream) -> (fast: (Submission?, FindingCollector), slow: (Submission?, FindingCollector)) {
        (XMLSubmissionReader(limits: .standard).read(stream), XMLSubmissionReader(limits: .standard, checksStructureInPass: false).read(stream))
    }

    @Test("certain only when libxml2 finds it valid; the same findings and submission as with the validator, mutation by mutation")
    func differential() throws {
        let base = Self.example
        try #require(!base.isEmpty)
        for (expected, what, old, new) in Self.mutations {
            guard base.contains(old) else {
                Issue.record("mutation \"\(what)\": \(old) is not in the example")
                continue
            }
            var text = base.replacingOccurrences(of: old, with: new)
            if what == "another root" { text = text.replacingOccurrences(of: "</submission>", with: "</return>") }
            if what == "an empty register" {
                // `<cases/><cases_gone> … </cases>`: close the renamed element instead.
                text = text.replacingOccurrences(of: "</cases>", with: "</cases_gone>")
            }
            let stream = MemoryByteStream(bytes: Array(text.utf8), displayName: "m.xml")
            let (fast, slow) = Self.bothPaths(stream)
            #expect(fast.1.findings == slow.1.findings, "\(what)")
            #expect(fast.0 == slow.0, "\(what)")
            if what == "CDATA and entities in a field" {
                // CDATA is text on both paths (with the validator plugged in it was once lost).
                #expect(fast.0?.institutions.first?.name == "示例区人民&医院一")
                #expect(slow.0?.institutions.first?.name == "示例区人民&医院一")
            }
            let certain = XMLSubmissionReader(limits: .standard).isCertainlyValidWithoutSchema(stream)
            let libxml2Refuses = slow.1.findings.contains { $0.rule == "xml.schema" || $0.rule == "xml.malformed" }
            switch expected {
            case .certain:
                #expect(certain && !libxml2Refuses && fast.0 != nil, "\(what) should be read on the fast path")
            case .invalid:
                #expect(libxml2Refuses, "\(what): the mutation should break the schema")
                #expect(!certain, "\(what): the check was certain, libxml2 found \(slow.1.findings.filter { $0.rule.hasPrefix("xml.") })")
            case .either:
                #expect(!libxml2Refuses, "\(what) should be valid")
            }
        }
    }

    @Test("the shipped sample returns are read without the validator and give what the validator gives")
    func samples() throws {
        let folder = SharedFixtures.example
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }
        try #require(!files.isEmpty)
        for file in files {
            let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + file))
            let stream = MemoryByteStream(bytes: Array(bytes), displayName: file)
            #expect(XMLSubmissionReader(limits: .standard).isCertainlyValidWithoutSchema(stream), "\(file)")
            let (fast, slow) = Self.bothPaths(stream)
            #expect(fast.0 == slow.0 && fast.1.findings == slow.1.findings, "\(file)")
        }
    }
}
