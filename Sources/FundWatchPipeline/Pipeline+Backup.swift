import Foundation
import FundWatchReturnsStore
import FundWatchStore

extension Pipeline {
    /// Backs `store` up into the file `out`: copied, consistent as of one moment while others
    /// keep writing, under a temporary name beside `out`; opened with `open` and checked
    /// (``check(_:)``); renamed to `out` only when sound (an older `out` is replaced in one
    /// step). On any failure nothing is left beside `out` and `out` is as it was. The reporter
    /// key is never in a store, so never in a backup.
    public func backup(
        _ store: any ReturnsDatabase, to out: String, open: @Sendable (String) async throws(StoreError) -> any ReturnsDatabase
    ) async throws(PipelineError) -> StoreCheck {
        let temporary = out + ".partial-\(UUID().uuidString.prefix(8))"
        let manager = FileManager.default
        defer { for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: temporary + suffix) } }
        do throws(StoreError) {
            try await store.backup(to: temporary)
        } catch {
            throw PipelineError(error)
        }
        let copy: any ReturnsDatabase
        do throws(StoreError) { copy = try await open(temporary) } catch { throw PipelineError(error) }
        let checked: StoreCheck
        do {
            checked = try await check(copy)
            await copy.close()
        } catch {
            await copy.close()
            throw error
        }
        guard checked.isSound else {
            throw .storeUnavailable(
                "the backup did not pass its check (\(checked.problems.count) problem(s)); \(out) is unchanged:\n"
                    + checked.problems.map(\.description).joined(separator: "\n"))
        }
        // The copy's log was merged into it when it closed (an empty log may stay): one file to rename.
        let log = (try? manager.attributesOfItem(atPath: temporary + "-wal")[.size] as? Int) ?? 0
        guard log == 0 else { throw .cannotWrite("the backup's write-ahead log was not merged into \(temporary); \(out) is unchanged") }
        guard rename(temporary, out) == 0 else {
            throw .cannotWrite("cannot rename the backup to \(out): \(String(cString: strerror(errno)))")
        }
        return checked
    }
}
