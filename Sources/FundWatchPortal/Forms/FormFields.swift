import Foundation
import Hummingbird
import NIOCore

/// The fields of a submitted form: `application/x-www-form-urlencoded` or
/// `multipart/form-data` (with files). Forms are small except uploads, which are read up
/// to the portal's limit (413 beyond it).
struct FormFields: Sendable {
    var values: [String: String] = [:]
    var files: [String: (name: String, bytes: [UInt8])] = [:]

    subscript(_ name: String) -> String { values[name] ?? "" }

    /// Reads the body of `request`, at most `limit` bytes.
    static func read(_ request: Request, limit: Int) async throws -> FormFields {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw HTTPError(.contentTooLarge, message: "上传内容超过 \(limit / 1_048_576) MB 的限制 (upload too large)")
        }
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Self.parameter("boundary", of: type) else {
                throw HTTPError(.badRequest, message: "multipart/form-data without a boundary")
            }
            return try MultipartForm.parse(buffer, boundary: boundary)
        }
        return FormFields(values: urlEncoded(String(buffer: buffer)))
    }

    /// `a=1&b=x+y` as a dictionary (the first value of a repeated name wins).
    static func urlEncoded(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let name = decode(parts[0])
            if out[name] == nil { out[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return out
    }

    /// A parameter of a header value: `boundary` of `multipart/form-data; boundary=xyz`.
    static func parameter(_ name: String, of header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == name {
                var value = kv[1]
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                return value
            }
        }
        return nil
    }
}
