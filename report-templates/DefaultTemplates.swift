import Foundation

/// The report templates and schemas shipped with FundWatch (the files beside this one).
/// `--templates DIR` replaces them with a bureau's own copies.
public enum DefaultTemplates {
    /// The folder holding the default `*.mustache` templates and `*.xsd` schemas.
    public static var directory: String {
        Bundle.module.resourceURL!.path
    }
}
