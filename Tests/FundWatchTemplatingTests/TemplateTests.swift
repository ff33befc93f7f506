import Testing

@testable import FundWatchTemplating

/// Renders `text` with a dictionary view model.
private func render(_ text: String, _ model: [String: Any] = [:], library: TemplateLibrary = TemplateLibrary()) throws -> String {
    String(decoding: try Template(text).render(TemplateValue(any: model), library: library), as: UTF8.self)
}

@Suite("Mustache templates")
struct TemplateTests {
    @Test("variables are escaped for the content type; triple braces and & place text as is")
    func escaping() throws {
        let model: [String: Any] = ["v": "<a href=\"x\">&'</a>"]
        #expect(try render("{{v}}", model) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        #expect(try render("{{% CONTENT_TYPE: XML}}\n{{v}}", model) == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
        #expect(try render("{{% CONTENT_TYPE: TEXT}}\n{{v}}", model) == "<a href=\"x\">&'</a>")
        #expect(try render("{{{v}}}|{{& v}}", model) == "<a href=\"x\">&'</a>|<a href=\"x\">&'</a>")
    }

    @Test("XML escaping replaces characters XML 1.0 forbids, keeps tab, line breaks and Chinese")
    func xmlForbidden() throws {
        let model: [String: Any] = ["v": "a\u{01}b\u{FFFE}c\u{FFFF}d\te\n县区\u{FFFD}"]
        #expect(try render("{{% CONTENT_TYPE: XML}}\n{{v}}", model) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te\n县区\u{FFFD}")
        // HTML leaves them alone.
        #expect(try render("{{v}}", ["v": "a\u{01}b"]) == "a\u{01}b")
    }

    @Test("numbers, flags, missing names and nil")
    func scalars() throws {
        let model: [String: Any] = ["n": 42, "neg": -7, "t": true, "f": false, "none": Optional<String>.none as Any, "some": Optional("x") as Any]
        #expect(try render("{{n}} {{neg}} {{t}} {{f}} [{{missing}}] [{{none}}] {{some}}", model) == "42 -7 true false [] [] x")
    }

    @Test("sections: lists repeat, flags choose, objects open a scope, null and empty lists skip")
    func sections() throws {
        let model: [String: Any] = [
            "items": [["name": "甲"], ["name": "乙"], ["name": "丙"]],
            "empty": [Any](), "yes": true, "no": false,
            "person": ["name": "张", "city": ["name": "某市"]],
            "zero": 0, "blank": "",
        ]
        #expect(try render("{{#items}}<{{name}}>{{/items}}", model) == "<甲><乙><丙>")
        #expect(try render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", model) == "none")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^yes}}!Y{{/yes}}", model) == "Y!N")
        #expect(try render("{{#person}}{{name}} {{city.name}}{{/person}}", model) == "张 某市")
        #expect(try render("{{#missing}}x{{/missing}}{{^missing}}absent{{/missing}}", model) == "absent")
        // As swift-mustache: zero and empty text are values, so their sections render.
        #expect(try render("{{#zero}}z{{.}}{{/zero}}{{#blank}}b{{/blank}}", model) == "z0b")
        #expect(try render("{{#items}}{{.}}{{/items}}", ["items": ["a", "b"]]) == "ab")
    }

    @Test("names climb to enclosing scopes; dotted names descend; a leading dot stays in the current scope")
    func lookup() throws {
        let model: [String: Any] = ["title": "T", "rows": [["label": "r1"], ["label": "r2", "title": "own"]], "a": ["b": ["c": "deep"]]]
        #expect(try render("{{#rows}}{{label}}:{{title}};{{/rows}}", model) == "r1:T;r2:own;")
        #expect(try render("{{#rows}}[{{.title}}]{{/rows}}", model) == "[][own]")
        #expect(try render("{{a.b.c}}|{{a.x.c}}|{{#a}}{{b.c}}{{/a}}", model) == "deep||deep")
    }

    @Test("standalone tags leave no line behind; inline tags keep the surrounding text")
    func standaloneLines() throws {
        let text = """
            <list>
              {{#items}}
              <item>{{.}}</item>
              {{/items}}
              {{! a comment on its own line }}
              {{^items}}
              <none/>
              {{/items}}
            </list>
            """
        #expect(try render(text, ["items": ["1", "2"]]) == "<list>\n  <item>1</item>\n  <item>2</item>\n</list>")
        #expect(try render(text, ["items": [Any]()]) == "<list>\n  <none/>\n</list>")
        #expect(try render("a {{#t}}b{{/t}} c\n", ["t": true]) == "a b c\n")
        #expect(try render("  {{#t}}x{{/t}}  \nnext", ["t": true]) == "  x  \nnext")
        #expect(try render("{{% CONTENT_TYPE: TEXT}}\r\n{{v}}\r\n", ["v": "<"]) == "<\r\n")
    }

    @Test("row-heavy parts answer through TemplateObject and TemplateList")
    func typedValues() throws {
        struct Cell: TemplateObject {
            let n: Int
            func value(named name: String) -> TemplateValue? {
                switch name {
                case "n": .number(n)
                case "even": .flag(n % 2 == 0)
                default: nil
                }
            }
        }
        struct Cells: TemplateList {
            let count: Int
            var isEmpty: Bool { count == 0 }
            func forEach(_ body: (TemplateValue) -> Void) { for n in 0..<count { body(.object(Cell(n: n))) } }
        }
        let model: [String: Any] = ["cells": Cells(count: 5), "none": Cells(count: 0), "unit": "件"]
        #expect(try render("{{#cells}}{{n}}{{#even}}e{{/even}}{{unit}},{{/cells}}{{^none}}∅{{/none}}", model) == "0e件,1件,2e件,3件,4e件,∅")
    }

    @Test("objects may answer interned keys; the same name is always the same key")
    func keys() throws {
        struct Keyed: TemplateObject {
            static let n = TemplateKey("n")
            func value(named name: String) -> TemplateValue? { nil }
            func value(for key: TemplateKey) -> TemplateValue? { key == Self.n ? .number(7) : nil }
        }
        #expect(TemplateKey("display") == TemplateKey("display"))
        #expect(TemplateKey("display") != TemplateKey("displays"))
        #expect(try render("{{#k}}{{n}}{{m}}{{/k}}", ["k": Keyed(), "m": "外"]) == "7外")
    }

    @Test("partials are found in the library and indented like their tag's line")
    func partials() throws {
        var library = TemplateLibrary()
        library.register(try Template("<b>{{name}}</b>\n<i/>\n"), named: "item")
        #expect(try render("{{#items}}{{> item}}{{/items}}", ["items": [["name": "x"]]], library: library) == "<b>x</b>\n<i/>\n")
        #expect(try render("<ul>\n  {{> item}}\n</ul>", ["name": "y"], library: library) == "<ul>\n  <b>y</b>\n  <i/>\n</ul>")
        #expect(try render("[{{> absent}}]", [:], library: library) == "[]")
    }

    @Test("output handed on as it grows: every byte once, in order, in several pieces")
    func progress() throws {
        let template = try Template("<list>\n{{#items}}  <item n=\"{{.}}\"/>\n{{/items}}</list>\n")
        let model = TemplateValue(any: ["items": (1...500).map { "\($0)" }] as [String: Any])
        final class Pieces { var all: [[UInt8]] = [] }
        let pieces = Pieces()
        try template.render(model, every: 1_000) { pieces.all.append(Array($0)) }
        #expect(pieces.all.count > 5)
        #expect(pieces.all.dropLast().allSatisfy { $0.count >= 1_000 && $0.count < 1_100 })
        #expect(pieces.all.flatMap { $0 } == template.render(model))
    }

    @Test("set delimiters")
    func delimiters() throws {
        #expect(try render("{{=<% %>=}}\n<%v%> {{v}}\n<%={{ }}=%>\n{{v}}", ["v": "x"]) == "x {{v}}\nx")
    }

    @Test(
        "a broken template is refused with the line of the problem",
        arguments: [
            ("a\n{{#open}}\nb\n", 2, "never closed"),
            ("{{#a}}\n{{/b}}\n", 2, "open one is {{#a}}"),
            ("x\ny\n{{/a}}", 3, "never opened"),
            ("{{upper(name)}}", 1, "transforms"),
            ("\n{{% CONTENT_TYPE: JSON}}", 2, "unknown content type JSON"),
            ("{{name", 1, "ends inside a tag"),
            ("{{<parent}}{{/parent}}", 1, "not supported"),
            ("{{{name}} x", 1, "third closing brace"),
        ])
    func syntaxErrors(text: String, line: Int, problem: String) throws {
        do {
            _ = try Template(text)
            Issue.record("\(text.debugDescription) compiled")
        } catch let error as TemplateSyntaxError {
            #expect(error.line == line)
            #expect(error.problem.contains(problem), "\(error)")
        }
    }

    @Test("a render can say which names nothing answered: a typo shows, an explicit null or a name of an enclosing scope does not")
    func missingNames() throws {
        let template = try Template("{{title}} {{#rows}}{{name}}{{nmae}}{{title}}{{/rows}}{{^empty}}-{{/empty}}{{a.b}}{{.c}}")
        let value = TemplateValue(any: ["title": "T", "rows": [["name": "x"]], "empty": nil as Any?, "a": ["b": 1]] as [String: Any])
        let (bytes, missing) = template.renderReportingMissing(value)
        #expect(String(decoding: bytes, as: UTF8.self) == "T xT-1")
        #expect(missing == ["nmae", ".c"])
        #expect(template.render(value) == bytes)
    }
}
