import Hummingbird
import MultipartKit
import NIOCore

/// `multipart/form-data` through multipart-kit's parser: text fields and uploaded files.
enum MultipartForm {
    static func parse(_ buffer: ByteBuffer, boundary: String) throws -> FormFields {
        let parser = MultipartParser(boundary: boundary)
        var fields = FormFields()
        var disposition = ""
        var body: [UInt8] = []
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { disposition = value }
        }
        parser.onBody = { chunk in body.append(contentsOf: chunk.readableBytesView) }
        parser.onPartComplete = {
            if let name = FormFields.parameter("name", of: disposition) {
                if let file = FormFields.parameter("filename", of: disposition) {
                    fields.files[name] = (file, body)
                } else if fields.values[name] == nil {
                    fields.values[name] = String(decoding: body, as: UTF8.self)
                }
            }
            disposition = ""
            body = []
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw HTTPError(.badRequest, message: "表单数据格式错误 (malformed multipart body)")
        }
        return fields
    }
}
