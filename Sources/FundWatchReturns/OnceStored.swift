import FundWatchStore

/// Reads that follow a write which is already stored (the receipt of an upload: its version's
/// number, the month's review state). The write succeeded, so the answer must say so: when
/// the store stops answering just after the commit (PostgreSQL restarting), the reads are
/// tried again, every quarter second, until it answers or `patience` has passed — only then
/// does the caller get the store's error. A read that fails for any other reason fails at once.
func onceStored<T>(patience: Duration = .seconds(60), _ read: () async throws(StoreError) -> T) async throws(StoreError) -> T {
    let until = ContinuousClock.now + patience
    while true {
        do {
            return try await read()
        } catch  where error.kind == .unavailable && ContinuousClock.now < until {
            try? await Task.sleep(for: .milliseconds(250))
        }
    }
}
