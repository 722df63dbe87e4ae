import GRDB

/// The patient journal: one SQLite file per data directory, holding every patient's events.
///
/// The journal is the only place state is kept. It stores facts (events) and never derived state,
/// so a change in the progression rules re-reads history instead of rewriting it. A `Journal`
/// is safe to share between threads: every access goes through one serial GRDB queue, and other
/// processes on the same file are serialised by SQLite's locks (WAL mode plus a busy timeout).
public final class Journal: Sendable {
    /// How long a write waits for another rehab process holding the lock before giving up.
    static let busyTimeout: Double = 5

    /// The journal file, or nil for an in-memory journal.
    public let path: String?

    let queue: DatabaseQueue
    let cache = EventCache()

    /// Names the journal in error messages.
    var place: String { path ?? "the in-memory journal" }

    private init(queue: DatabaseQueue, path: String?) {
        self.queue = queue
        self.path = path
    }

    /// Opens (creating if needed) `<dataDir>/journal.sqlite`.
    ///
    /// The directory is created with mode 0700 and the file kept at 0600, since it holds health
    /// data. An existing file is checked before anything can write to it: a file that is not
    /// SQLite, is cut short, or was migrated by a newer rehab is reported and left byte-for-byte
    /// as it was, because it may be the only copy of someone's recovery history.
    public static func open(dataDir: String) throws(JournalError) -> Journal {
        try JournalFile.ensureDirectory(dataDir)
        let path = JournalFile.join(dataDir, "journal.sqlite")
        switch try JournalFile.examine(path) {
        case .missing: try JournalFile.createEmpty(path)
        case .empty: break
        case .sqlite: try inspectReadOnly(path)
        }
        let queue = try openWritable(path)
        JournalFile.restrictModes(path)
        return Journal(queue: queue, path: path)
    }

    /// A private journal that vanishes with the value; for trying things out and for tests.
    public static func inMemory() throws(JournalError) -> Journal {
        let place = "the in-memory journal"
        do {
            let queue = try DatabaseQueue(configuration: configuration(readonly: false))
            try Schema.migrate(queue)
            return Journal(queue: queue, path: nil)
        } catch {
            throw JournalError.wrapping(error, place: place)
        }
    }

    static func configuration(readonly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "rehab.journal"
        return config
    }

    /// Reads the schema version through a read-only connection, so a newer or damaged journal is
    /// refused before any connection able to write exists.
    private static func inspectReadOnly(_ path: String) throws(JournalError) {
        let hadSideFiles = JournalFile.exists(path + "-wal") || JournalFile.exists(path + "-shm")
        let verdict: JournalError?
        do {
            let reader = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
            defer { try? reader.close() }
            try reader.read { db in try Schema.refuseNewer(db, path: path) }
            verdict = nil
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            // A crashed writer left a hot journal that only a writable connection may roll back;
            // the writable connection repeats the version check before it writes anything.
            verdict = nil
        } catch {
            verdict = JournalError.wrapping(error, place: path)
        }
        guard let verdict else { return }
        if !hadSideFiles { removeSideFiles(path) }
        throw verdict
    }

    /// A read-only connection to a WAL journal creates `-wal` and `-shm` but cannot delete them.
    /// Closing a writable connection that ran no statement lets SQLite remove them under its own
    /// locks (and only if no other process uses them); with an empty WAL it writes nothing.
    private static func removeSideFiles(_ path: String) {
        var config = configuration(readonly: false)
        config.busyMode = .immediateError
        guard let sweeper = try? DatabaseQueue(path: path, configuration: config) else { return }
        try? sweeper.close()
    }

    /// The one connection the journal keeps: checks the version again (another rehab may have
    /// migrated since), then switches to WAL and migrates.
    private static func openWritable(_ path: String) throws(JournalError) -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: false))
            // Inside a read transaction, so the version and migration table are read from one snapshot.
            try queue.read { db in try Schema.refuseNewer(db, path: path) }
            try Contention.retryingWhileBusy {
                try queue.writeWithoutTransaction { db in try useWriteAheadLog(db, path: path) }
            }
            try Schema.migrate(queue)
            return queue
        } catch {
            throw JournalError.wrapping(error, place: path)
        }
    }

    /// WAL lets one rehab read while another writes; synchronous FULL because an appended event is
    /// acknowledged to the patient and must survive a power cut.
    private static func useWriteAheadLog(_ db: Database, path: String) throws {
        if try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() != "wal" {
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode?.lowercased() == "wal" else {
                throw JournalError.storage("\(path) cannot be switched to write-ahead logging; "
                    + "keep the data directory on a local disk and try again.")
            }
        }
        try db.execute(sql: "PRAGMA synchronous = FULL")
    }

    /// Runs `body`, translating whatever it throws into a `JournalError`.
    func guarded<T>(_ body: () throws -> T) throws(JournalError) -> T {
        do {
            return try body()
        } catch {
            throw JournalError.wrapping(error, place: place)
        }
    }
}
