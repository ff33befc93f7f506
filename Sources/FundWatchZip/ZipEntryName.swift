/// Names inside a zip archive.
public enum ZipEntryName {
    /// Why an entry name is unsafe (it leaves its folder), or nil.
    public static func unsafeReason(_ name: String) -> String? {
        if name.hasPrefix("/") || name.hasPrefix("\\") { return "absolute path" }
        if name.count >= 2, name.dropFirst().first == ":" { return "drive letter" }
        let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if parts.contains("..") { return "`..` in the path" }
        if name.utf8.contains(0) { return "NUL in the name" }
        return nil
    }

    /// `dir/sub/file.csv` → (`dir/sub`, `file.csv`).
    public static func split(_ name: String) -> (folder: String, file: String) {
        guard let slash = name.lastIndex(of: "/") else { return ("", name) }
        return (String(name[..<slash]), String(name[name.index(after: slash)...]))
    }
}
