import Hummingbird
import NIOCore

/// What a request carries through the portal: who sent it (once ``AccessMiddleware`` has
/// looked) and from where.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The caller, when a valid session cookie or API token came with the request.
    public var identity: Identity?
    /// The client's address, for the audit log and the per-address login limit: the peer's,
    /// or behind the configured trusted proxy the one it forwarded (``AccessMiddleware``).
    public internal(set) var address: String
    /// Who the request turned out to be, for the request's log line (set by the log middleware).
    var note: RequestNote?
    /// Uploads are limited per route (the portal's `max_upload_mib`), not here.
    public var maxUploadSize: Int { 1 << 30 }

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        address = source.channel.remoteAddress?.ipAddress ?? "local"
    }
}
