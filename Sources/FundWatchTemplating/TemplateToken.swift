/// A compiled piece of a template.
indirect enum TemplateToken: Sendable {
    /// Literal text, as UTF-8.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateToken], inverted: Bool)
    /// `{{> name}}`; a partial alone on its line is indented like the line.
    case partial(String, indentation: [UInt8]?)
    /// `{{% CONTENT_TYPE: …}}`: escaping for what follows.
    case contentType(ContentType)
}

/// A name as written in a tag, split once when the template is compiled: `.` (the current
/// value), `name`, `a.b` (a inside any enclosing scope, then its b), `.a` (a of the current
/// value only).
struct TemplateName: Sendable, Equatable {
    var parts: [TemplateKey]
    /// Written with a leading dot: looked up in the current value only.
    var anchored: Bool

    init(_ text: String) {
        parts = text == "." ? [] : text.split(separator: ".").map { TemplateKey(String($0)) }
        anchored = text.first == "." && text != "."
    }
}
