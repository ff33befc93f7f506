import Foundation
import FundWatchTemplating
import Synchronization

/// The portal's page templates (Mustache, HTML-escaped: every value a page places is text,
/// so a county or institution named `<script>` shows as text) and its style sheet, shipped
/// inside the module.
struct Pages: Sendable {
    let library: TemplateLibrary
    let styleSheet: [UInt8]
    /// Names a page asked for and its model did not give (`page: name`): a typo in a template
    /// or a model, which would show as an empty cell. Every portal test fails when any is
    /// recorded (the test harness checks after each test).
    let missing = Missing()

    final class Missing: Sendable {
        private let names = Mutex<Set<String>>([])
        func add(_ page: String, _ found: Set<String>) { names.withLock { $0.formUnion(found.map { "\(page): \($0)" }) } }
        var all: Set<String> { names.withLock { $0 } }
    }

    static let names = [
        "head", "foot", "findings", "login", "error", "county", "upload-result", "upload-view", "dashboard", "reports",
        "admin-users", "admin-audit", "figures", "figure-rows", "city-figure", "draws", "draw-refused", "county-draws", "warnings",
    ]

    init() throws {
        // The `Resources` folder copied into the module's bundle.
        let base = Bundle.module.bundleURL.appendingPathComponent("Resources")
        var library = TemplateLibrary()
        for name in Self.names {
            let text = try String(contentsOf: base.appendingPathComponent("pages/\(name).mustache"), encoding: .utf8)
            library.register(try Template(text), named: name)
        }
        self.library = library
        styleSheet = Array(try Data(contentsOf: base.appendingPathComponent("static/portal.css")))
    }

    /// The page `name` with `page` in scope: a ``Page`` (title, layout, model), or a bare
    /// model for a part of a page shared by every user (the dashboard's body).
    func render(_ name: String, _ page: some TemplateObject) -> [UInt8] {
        guard let (bytes, absent) = library.renderReportingMissing(name, .object(page)) else {
            return Array("missing page \(name)".utf8)
        }
        if !absent.isEmpty { missing.add(name, absent) }
        return bytes
    }
}
