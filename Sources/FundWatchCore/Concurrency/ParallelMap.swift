import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core, keeping the order. For independent, CPU-heavy work per element
    /// (one county's submission); `transform` must not touch shared mutable state.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            // Release the results held here (the returned array holds its own references).
            _ = results.deinitialize()
            results.deallocate()
        }
        let slots = SendableBuffer(buffer: results)
        self.withUnsafeBufferPointer { elements in
            let source = SendableElements(buffer: elements)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                // Each index is written by exactly one worker.
                slots.buffer[index] = transform(source.buffer[index])
            }
        }
        return results.map { $0! }
    }
}

private struct SendableBuffer<T>: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<T?> }
private struct SendableElements<T>: @unchecked Sendable { let buffer: UnsafeBufferPointer<T> }
