import Foundation
import FundWatchTemplating
import Testing

/// FundWatch's renderer against the official Mustache specification (github.com/mustache/spec,
/// its JSON files committed under Fixtures/mustache-spec): every test of the required modules
/// (comments, delimiters, interpolation, inverted, partials, sections) renders exactly what
/// the specification expects.
@Suite("The Mustache specification")
struct MustacheSpecTests {
    /// A JSON value of a spec file, decoded exactly (numbers keep their form).
    indirect enum JSON: Decodable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case array([JSON])
        case object([String: JSON])

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else if let n = try? c.decode(Double.self) {
                self = .number(n)
            } else if let s = try? c.decode(String.self) {
                self = .string(s)
            } else if let a = try? c.decode([JSON].self) {
                self = .array(a)
            } else {
                self = .object(try c.decode([String: JSON].self))
            }
        }

        /// The value as a template sees it: integral numbers as numbers, others as their
        /// shortest decimal text (the specification's `1.21`).
        var templateValue: TemplateValue {
            switch self {
            case .string(let s): .text(s)
            case .number(let n): n == n.rounded() && abs(n) < 1e15 ? .number(Int(n)) : .text("\(n)")
            case .bool(let b): .flag(b)
            case .null: .null
            case .array(let items): .list(Items(items: items.map(\.templateValue)))
            case .object(let fields): .object(Fields(fields: fields.mapValues(\.templateValue)))
            }
        }
    }

    struct Items: TemplateList {
        let items: [TemplateValue]
        var isEmpty: Bool { items.isEmpty }
        func forEach(_ body: (TemplateValue) -> Void) { items.forEach(body) }
    }

    struct Fields: TemplateObject {
        let fields: [String: TemplateValue]
        func value(named name: String) -> TemplateValue? { fields[name] }
    }

    struct SpecFile: Decodable { var tests: [SpecTest] }

    struct SpecTest: Decodable, CustomTestStringConvertible, Sendable {
        var name: String
        var desc: String
        var template: String
        var expected: String
        var partials: [String: String]?
        var module = ""
        var testDescription: String { "\(module): \(name)" }

        enum CodingKeys: String, CodingKey { case name, desc, template, expected, partials }

        /// The data, decoded separately (JSON is not Sendable-friendly as a stored value here).
        func data() throws -> TemplateValue {
            let all = try JSONDecoder().decode(SpecFileData.self, from: try MustacheSpecTests.contents(module))
            return try #require(all.tests.first { $0.name == name }?.data.templateValue)
        }
    }

    struct SpecFileData: Decodable {
        var tests: [Entry]
        struct Entry: Decodable {
            var name: String
            var data: JSON
        }
    }

    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]

    static func contents(_ module: String) throws -> Data {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/mustache-spec/\(module).json")
        return try Data(contentsOf: url)
    }

    static let tests: [SpecTest] = modules.flatMap { module in
        let file = try! JSONDecoder().decode(SpecFile.self, from: try! contents(module))
        return file.tests.map {
            var t = $0
            t.module = module
            return t
        }
    }

    @Test("the specification's files are all here", arguments: modules)
    func files(module: String) throws {
        let file = try JSONDecoder().decode(SpecFile.self, from: try Self.contents(module))
        #expect(file.tests.count >= 10, "\(module) has \(file.tests.count) tests")
    }

    @Test("renders what the specification expects", arguments: tests)
    func spec(test: SpecTest) throws {
        var library = TemplateLibrary()
        for (name, text) in test.partials ?? [:] { library.register(try Template(text), named: name) }
        let template = try Template(test.template)
        let output = String(decoding: template.render(try test.data(), library: library), as: UTF8.self)
        #expect(output == test.expected, "\(test.desc)")
    }

    @Test("the optional modules this renderer leaves out are refused when a template is loaded, never rendered wrongly")
    func unsupported() {
        #expect(throws: TemplateSyntaxError.self) { _ = try Template("{{$title}}default{{/title}}") }
        #expect(throws: TemplateSyntaxError.self) { _ = try Template("{{<parent}}{{/parent}}") }
        #expect(throws: TemplateSyntaxError.self) { _ = try Template("{{>*dynamic}}") }
    }
}
