import Foundation
import FundWatchTemplates
import Mustache

/// XML escaping for templates whose first line is `{{% CONTENT_TYPE: XML}}`; characters
/// XML 1.0 forbids are replaced by U+FFFD so a stray control byte cannot break a document.
struct XMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (0xFFFE...0xFFFF).contains(v) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

/// The folder of templates (and schemas) documents are rendered from.
public struct TemplateSet: Sendable {
    /// A problem with the templates, named so a bureau can fix its copy.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    public let directory: String
    let library: MustacheLibrary

    /// The templates built into FundWatch.
    public static func defaults() throws -> TemplateSet { try TemplateSet(directory: DefaultTemplates.directory) }

    /// Loads every `*.mustache` file of `directory` (names without the extension, e.g. `report.html`).
    public init(directory: String) throws {
        MustacheContentTypes.register(XMLContentType(), named: "XML")
        self.directory = directory
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        guard !names.isEmpty else { throw Problem(description: "template folder \(directory) does not exist or is empty") }
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = directory + "/" + name
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw Problem(description: "\(path): cannot be read as UTF-8 text")
            }
            do { try library.register(text, named: String(name.dropLast(".mustache".count))) } catch {
                throw Problem(description: "\(path): not a valid Mustache template (\(error))")
            }
        }
        self.library = library
    }

    /// Renders `name` (e.g. `report.html`) with a view model.
    func render(_ name: String, _ model: [String: Any]) throws -> String {
        guard library.getTemplate(named: name) != nil else {
            throw Problem(description: "\(directory) has no template \(name).mustache")
        }
        guard let text = library.render(model, withTemplate: name) else {
            throw Problem(description: "template \(name).mustache could not be rendered")
        }
        return text
    }

    /// The text of a schema shipped with the templates, e.g. `report.xsd`.
    func schema(_ name: String) throws -> Data {
        let own = directory + "/" + name
        let path = FileManager.default.fileExists(atPath: own) ? own : DefaultTemplates.directory + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "schema \(name) not found in \(directory) or the built-in templates")
        }
        return data
    }
}
