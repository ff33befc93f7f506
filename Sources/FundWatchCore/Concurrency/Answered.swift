import Synchronization

/// `work`'s result when it finishes within `deadline`, else nil. `work` is left to finish or
/// fail on its own: a call stuck on a database that went away never holds its caller longer
/// than the deadline (a load balancer's health check, a page that must answer).
public func answered<T: Sendable>(within deadline: Duration, _ work: @escaping @Sendable () async -> T?) async -> T? {
    let once = ResumeOnce<T?>()
    return await withCheckedContinuation { continuation in
        once.set(continuation)
        Task { once.resume(returning: await work()) }
        Task {
            try? await Task.sleep(for: deadline)
            once.resume(returning: nil)
        }
    }
}

/// A continuation resumed by whichever comes first, once.
private final class ResumeOnce<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, Never>?>(nil)

    func set(_ c: CheckedContinuation<T, Never>) { continuation.withLock { $0 = c } }

    func resume(returning value: T) { continuation.withLock { $0.take() }?.resume(returning: value) }
}
