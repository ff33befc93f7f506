import Dispatch

/// Runs CPU-heavy work (reading, summarising, rendering) on a dispatch queue and awaits it,
/// so async callers (a server's request handlers) never block Swift's cooperative pool.
public func offloaded<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
    let result: Result<T, E> = await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(returning: Result { () throws(E) -> T in try work() })
        }
    }
    return try result.get()
}
