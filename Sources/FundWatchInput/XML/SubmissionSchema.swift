import Foundation
import FundWatchCore
import FundWatchXML

/// The submission XSD shipped in this module's resources, compiled once for every reader.
enum SubmissionSchema {
    /// Where the XSD is.
    static var url: URL? { Bundle.module.url(forResource: "submission", withExtension: "xsd") }

    static let shared: XMLSchema = {
        guard let url, let data = try? Data(contentsOf: url) else {
            fatalError("submission.xsd is missing from the FundWatchInput resources")
        }
        guard let schema = XMLSchema(data) else { fatalError("submission.xsd does not compile") }
        return schema
    }()
}
