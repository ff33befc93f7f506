import Foundation
import FundWatchTemplating

/// The portal's page templates (Mustache, HTML-escaped: every value a page places is text,
/// so a county or institution named `<script>` shows as text) and its style sheet, shipped
/// inside the module.
struct Pages: Sendable {
    let library: TemplateLibrary
    let styleSheet: [UInt8]

    static let names = ["head", "foot", "findings", "login", "error", "county", "upload-result", "upload-view", "dashboard", "reports",
                        "admin-users", "admin-audit", "figures", "figure-rows", "city-figure", "draws", "draw-refused", "county-draws"]

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

    /// The page `name` with `values` (and the layout's values) in scope.
    func render(_ name: String, _ values: [String: Any]) -> [UInt8] {
        library.render(name, TemplateValue(any: values)) ?? Array("missing page \(name)".utf8)
    }
}
