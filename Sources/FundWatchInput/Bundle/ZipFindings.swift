import FundWatchCore
import FundWatchZip

extension Finding {
    /// The finding for a zip archive (or entry) that cannot be read safely.
    init(zip error: ZipError, archive: String) {
        let rule: Rule
        var file = archive
        switch error {
        case .invalid, .corrupt: rule = .zipInvalid
        case .unsafeEntry(let name, _):
            rule = .zipUnsafePath
            file = "\(archive)!/\(name)"
        case .tooManyEntries, .ratioExceeded: rule = .zipLimit
        case .tooLarge: rule = .tooLarge
        case .encrypted: rule = .zipEncrypted
        }
        let detail: String =
            switch error {
            case .unsafeEntry(_, let reason): reason
            default: error.description
            }
        self.init(
            file: file, line: nil, rule: rule.id, message: rule.message, messageEN: rule.messageEN + ": " + detail,
            expected: rule.expected)
    }
}

extension SubmissionInput {
    /// The zip archive this input holds.
    func openZip(limits: ZipLimits) throws(ZipError) -> ZipArchive {
        switch self {
        case .path(let path): try ZipArchive(path: path, limits: limits)
        case .memory(let name, let bytes): try ZipArchive(bytes: bytes, name: name, limits: limits)
        }
    }
}
