import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// Retries for the few steps SQLite's busy timeout does not cover.
///
/// SQLite refuses at once, without waiting, when a connection that already reads must upgrade to
/// write while another waits to write (the deadlock rule). Switching a new file to WAL does exactly
/// that, so two rehabs creating the same journal together would otherwise fail half the time.
enum Contention {
    static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        return error.primary == SQLITE_BUSY || error.primary == SQLITE_LOCKED
    }

    /// Runs `body` until it does not fail with SQLITE_BUSY, for at most `Journal.busyTimeout` seconds.
    static func retryingWhileBusy<T>(_ body: () throws -> T) throws -> T {
        let deadline = ContinuousClock.now + .seconds(Journal.busyTimeout)
        while true {
            do {
                return try body()
            } catch where isBusy(error) && ContinuousClock.now < deadline {
                usleep(5_000 + UInt32.random(in: 0...10_000))
            }
        }
    }
}
