import FundWatchCore
import Hummingbird

/// The values a route's path carries, parsed once: anything else is 404, as a page that does
/// not exist.
enum PathParameter {
    /// `:county`, a 6-digit county code (``CountyCode``).
    static func county(_ context: PortalContext) throws -> String {
        guard let code = context.parameters.get("county").flatMap(CountyCode.init) else {
            throw HTTPError(.notFound, message: "没有这个县区 (no such county)")
        }
        return code.text
    }
}
