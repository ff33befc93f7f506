import Foundation
import FundWatchReturns
import Hummingbird

/// Checks every state-changing form makes.
enum Forms {
    /// A browser session's form must carry the session's CSRF token (API tokens need none).
    static func checkCSRF(_ form: FormFields, _ identity: Identity) throws {
        guard let expected = identity.csrf else { return }
        guard Secrets.equal(form["csrf"], expected) else {
            throw HTTPError(.forbidden, message: "表单已过期或来源不明,请刷新页面后重试 (CSRF token missing or wrong)")
        }
    }

    /// The base name of an uploaded file (browsers may send a path).
    /// `text` as one query value: everything but unreserved ASCII percent-encoded (RFC 3986).
    static func queryEncoded(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static func baseName(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return base.isEmpty ? "upload" : String(base.prefix(200))
    }
}
