import Dispatch

/// A task executor running jobs on a dispatch queue: tasks started with it as their
/// preference (`group.addTask(executorPreference: DispatchTaskExecutor.shared)`) do their CPU
/// work off Swift's cooperative pool, as a server needs, while staying ordinary async tasks.
public final class DispatchTaskExecutor: TaskExecutor, Sendable {
    /// One executor over the global queue of user-initiated work.
    public static let shared = DispatchTaskExecutor(queue: .global(qos: .userInitiated))

    private let queue: DispatchQueue

    public init(queue: DispatchQueue) { self.queue = queue }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
