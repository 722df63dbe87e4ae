import CSQLite
import RehabCore
import Synchronization

/// The patient journal: one SQLite file per data directory, holding every patient's events.
///
/// The journal is the only place state is kept. It stores facts (events) and never derived state,
/// so a change in the progression rules re-reads history instead of rewriting it. A `Journal`
/// is safe to share between threads: every access holds one lock around the one connection, and
/// other processes on the same file are serialised by SQLite's locks (WAL mode plus a busy timeout).
public final class Journal: Sendable {
    /// How long a write waits for another rehab process holding the lock before giving up.
    static let busyTimeout: Double = 5

    /// The journal file, or nil for an in-memory journal.
    public let path: String?
    /// Problems worth a one-line warning that did not stop the journal opening (a data dir open to others).
    public let warnings: [String]

    private let state: Mutex<State>

    /// The connection and what has been folded from it so far.
    struct State: ~Copyable {
        let connection: Connection
        /// Per patient row id: the record folded so far and the id of the last event in it. The journal
        /// is append-only and ids only grow, so the rows any reader sees with id ≤ n never change.
        var records: [Int64: (record: PatientRecord, lastID: Int64)] = [:]
        /// Program files by content hash, as read from `program_files` (rows there never change): a clinic's
        /// patients share a few programs, so the roster reads each program's text once, not once per patient.
        var programFiles: [String: [String: String]] = [:]
        /// Whether SQLite's quick check has passed in this process; the first write waits for it.
        var checked = false
    }

    /// Names the journal in error messages.
    var place: String { path ?? "the in-memory journal" }

    private init(connection: sending Connection, path: String?, checked: Bool = false, warnings: [String] = []) {
        self.state = Mutex(State(connection: connection, checked: checked))
        self.path = path
        self.warnings = warnings
    }

    /// Opens (creating if needed) `<dataDir>/journal.sqlite`.
    ///
    /// The directory is created with mode 0700 and the file kept at 0600, since it holds health
    /// data. An existing file is checked before anything can write to it: a file that is not
    /// SQLite, is cut short, or was migrated by a newer rehab is reported and left byte-for-byte
    /// as it was, because it may be the only copy of someone's recovery history.
    public static func open(dataDir: String) throws(JournalError) -> Journal {
        let warning = try JournalFile.ensureDirectory(dataDir)
        let path = JournalFile.join(dataDir, "journal.sqlite")
        var created = false
        var unclean = false
        var checkedReadOnly = false
        switch try JournalFile.examine(path) {
        case .missing: try JournalFile.createEmpty(path); created = true
        case .empty: break
        case .sqlite(let header):
            // The writable connection checks the version again before it writes anything, and
            // closing it after reading an empty WAL leaves the file as it was. The read-only look
            // first (about 0.2 ms) is for what the header cannot rule out.
            // A WAL with frames or a hot journal means the last writer did not close cleanly: the
            // read-only look then runs the quick check too, since closing a writable connection
            // would fold the WAL into a damaged file.
            unclean = header.walHasFrames || header.hotJournal
            if !header.isAtMost(version: Schema.version) { checkedReadOnly = try inspectReadOnly(path, check: unclean) }
        }
        let connection = try openWritable(path, checkFirst: unclean && !checkedReadOnly)
        JournalFile.restrictModes(path)
        return Journal(connection: connection, path: path, checked: created || unclean,
                       warnings: warning.map { [$0] } ?? [])
    }

    /// A private journal that vanishes with the value; for trying things out and for tests.
    public static func inMemory() throws(JournalError) -> Journal {
        let place = "the in-memory journal"
        do {
            let connection = try Connection(path: ":memory:", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                            busyTimeout: busyTimeout)
            try connection.execute("PRAGMA foreign_keys = ON")
            try Schema.migrate(connection)
            return Journal(connection: connection, path: nil)
        } catch {
            throw JournalError.wrapping(error, place: place)
        }
    }

    /// Reads the schema version through a read-only connection, so a newer or damaged journal is
    /// refused before any connection able to write exists.
    /// Returns whether the quick check ran (a hot journal leaves it to the writable connection).
    private static func inspectReadOnly(_ path: String, check: Bool) throws(JournalError) -> Bool {
        let hadSideFiles = JournalFile.exists(path + "-wal") || JournalFile.exists(path + "-shm")
        let verdict: JournalError?
        var checked = false
        do {
            let reader = try Connection(path: path, flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW,
                                        busyTimeout: busyTimeout)
            _ = try reader.transaction(writing: false) { try Schema.refuseNewer(reader, path: path) }
            if check { try verifyIntact(reader, path: path); checked = true }
            verdict = nil
        } catch let error as SQLiteError where error.primary == SQLITE_READONLY {
            // A crashed writer left a hot journal that only a writable connection may roll back;
            // the writable connection repeats the version check before it writes anything.
            verdict = nil
        } catch {
            verdict = JournalError.wrapping(error, place: path)
        }
        guard let verdict else { return checked }
        if !hadSideFiles { removeSideFiles(path) }
        throw verdict
    }

    /// A read-only connection to a WAL journal creates `-wal` and `-shm` but cannot delete them.
    /// Closing a writable connection that ran no statement lets SQLite remove them under its own
    /// locks (and only if no other process uses them); with an empty WAL it writes nothing.
    private static func removeSideFiles(_ path: String) {
        guard let sweeper = try? Connection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
                                            busyTimeout: 0) else { return }
        try? sweeper.execute("SELECT 1 FROM sqlite_master LIMIT 1")
    }

    /// The one connection the journal keeps: checks the version again (another rehab may have
    /// migrated since), then switches to WAL and migrates.
    private static func openWritable(_ path: String, checkFirst: Bool) throws(JournalError) -> Connection {
        do {
            let connection = try Connection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
                                            busyTimeout: busyTimeout)
            try connection.execute("PRAGMA foreign_keys = ON")
            if checkFirst { try verifyIntact(connection, path: path) }
            // Inside a read transaction, so the version and migration table are read from one snapshot.
            let applied = try connection.transaction(writing: false) { try Schema.refuseNewer(connection, path: path) }
            try Contention.retryingWhileBusy { try useWriteAheadLog(connection, path: path) }
            try Schema.migrate(connection, applied: applied)
            return connection
        } catch {
            throw JournalError.wrapping(error, place: path)
        }
    }

    /// WAL lets one rehab read while another writes; synchronous FULL because an appended event is
    /// acknowledged to the patient and must survive a power cut.
    private static func useWriteAheadLog(_ connection: Connection, path: String) throws {
        if try connection.scalar("PRAGMA journal_mode") != .text("wal") {
            guard try connection.scalar("PRAGMA journal_mode = WAL") == .text("wal") else {
                throw JournalError.storage("\(path) cannot be switched to write-ahead logging; "
                    + "keep the data directory on a local disk and try again.")
            }
        }
        try connection.execute("PRAGMA synchronous = FULL")
    }

    /// SQLite's quick check (every page and b-tree, not the index contents), which reads the whole
    /// file once: a damaged journal is refused before anything is written to it.
    static func verifyIntact(_ connection: Connection, path: String) throws {
        let verdict: [String]
        do {
            verdict = try connection.query("PRAGMA quick_check(1)") { $0.text(0) }
        } catch let error as SQLiteError where error.primary == SQLITE_CORRUPT || error.primary == SQLITE_NOTADB {
            throw JournalError.damaged(path: path)
        }
        guard verdict == ["ok"] else { throw JournalError.damaged(path: path) }
    }

    /// Like ``withConnection(_:)`` for a write: the first write of a process waits for the quick check.
    func withWritingConnection<T: Sendable>(_ body: (Connection) throws -> T) throws(JournalError) -> T {
        let path = self.path
        return try withState { state in
            if !state.checked, let path {
                try Self.verifyIntact(state.connection, path: path)
                state.checked = true
            }
            return try body(state.connection)
        }
    }

    /// Runs `body` on the connection, holding the lock, translating whatever it throws into a `JournalError`.
    func withConnection<T: Sendable>(_ body: (Connection) throws -> T) throws(JournalError) -> T {
        try withState { state in try body(state.connection) }
    }

    /// Like ``withConnection(_:)``, with the folded records too.
    func withState<T: Sendable>(_ body: (inout State) throws -> T) throws(JournalError) -> T {
        let result: Result<T, JournalError> = state.withLock { state in
            do { return .success(try body(&state)) } catch {
                return .failure(JournalError.wrapping(error, place: place))
            }
        }
        return try result.get()
    }

    /// Drops the folded records kept to make the next `record(of:)` incremental: a reader that goes through every
    /// patient once (the roster) would otherwise hold a clinic's records in memory at the same time.
    public func forgetFoldedRecords() {
        state.withLock { $0.records.removeAll() }
    }
}
