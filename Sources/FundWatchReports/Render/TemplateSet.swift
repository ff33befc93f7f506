import Foundation
import FundWatchCore
import FundWatchTemplates
import FundWatchTemplating
import Synchronization

/// The folder of templates (and schemas) documents are rendered from.
public struct TemplateSet: Sendable {
    /// A problem with the templates, named so a bureau can fix its copy.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    public let directory: String
    let library: TemplateLibrary
    /// Names a template asked for that its document's values do not have (`report.html:
    /// windowTxt`): a typo in a template, which renders as an empty cell. Recorded by every
    /// rendering; the tests of the built-in templates expect none, and a bureau editing its
    /// own copy can read them (``unansweredNames``).
    private let unanswered = Unanswered()

    /// The names recorded so far (`template: name`), sorted.
    public var unansweredNames: [String] { unanswered.all.sorted() }

    final class Unanswered: Sendable {
        private let names = Mutex<Set<String>>([])
        func add(_ template: String, _ found: Set<String>) {
            if !found.isEmpty { names.withLock { $0.formUnion(found.map { "\(template): \($0)" }) } }
        }
        var all: Set<String> { names.withLock { $0 } }
    }

    /// The templates built into FundWatch.
    public static func defaults() throws -> TemplateSet { try TemplateSet(directory: DefaultTemplates.directory) }

    /// Loads every `*.mustache` file of `directory` (names without the extension, e.g. `report.html`).
    public init(directory: String) throws {
        self.directory = directory
        var library = TemplateLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        guard !names.isEmpty else { throw Problem(description: "template folder \(directory) does not exist or is empty") }
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = directory + "/" + name
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw Problem(description: "\(path): cannot be read as UTF-8 text")
            }
            do { library.register(try Template(text), named: String(name.dropLast(".mustache".count))) } catch {
                throw Problem(description: "\(path): not a valid Mustache template, \(error)")
            }
        }
        self.library = library
    }

    /// Renders `name` (e.g. `report.html`) with a view model, into UTF-8 bytes.
    func render(_ name: String, _ model: some TemplateModel) throws -> [UInt8] {
        guard let (bytes, missing) = library.renderReportingMissing(name, .object(model)) else {
            throw Problem(description: "\(directory) has no template \(name).mustache")
        }
        unanswered.add(name, missing)
        return bytes
    }

    /// Renders `name` handing the output on as it grows (about every `interval` bytes),
    /// never holding the whole of it.
    func render(
        _ name: String, _ model: some TemplateModel, every interval: Int, into output: @escaping (ArraySlice<UInt8>) throws -> Void
    ) throws {
        guard let missing = try library.render(name, .object(model), every: interval, into: output) else {
            throw Problem(description: "\(directory) has no template \(name).mustache")
        }
        unanswered.add(name, missing)
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
