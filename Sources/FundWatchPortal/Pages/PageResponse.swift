import Hummingbird
import NIOCore

/// Answers made of pages, files and redirects, with the headers the portal always sets.
enum PageResponse {
    /// An HTML page.
    static func html(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A file to download, named in `Content-Disposition` by RFC 6266 / 5987 (an ASCII
    /// fallback and the UTF-8 name percent-encoded), so no name can break the header.
    static func download(_ bytes: [UInt8], name: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: contentDisposition(name)],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func contentDisposition(_ name: String) -> String {
        let ascii = String(
            name.unicodeScalars.map { s -> Character in
                (s.isASCII && s.value >= 0x20 && s.value != 0x7F && !"\"\\;%".unicodeScalars.contains(s)) ? Character(s) : "_"
            })
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        let encoded = name.utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    /// 303 See Other to a path of the portal (never to a URL a request supplied).
    static func redirect(_ path: String) -> Response {
        precondition(path.hasPrefix("/") && !path.hasPrefix("//"), "redirects stay on the portal")
        return Response(status: .seeOther, headers: [.location: path])
    }

    /// A JSON document.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
