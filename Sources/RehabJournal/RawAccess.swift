import CSQLite

extension Journal {
    /// Runs SQL straight on a journal file, bypassing every check; internal, for tests that need to
    /// craft a journal as a newer rehab would leave it. Not part of the API: events stay append-only.
    static func executeRaw(sql: String, onFileAt path: String) throws {
        try Connection(path: path, flags: SQLITE_OPEN_READWRITE, busyTimeout: busyTimeout).execute(sql)
    }
}

extension Journal {
    /// Reads one column as text through the journal's own connection; internal, so tests can look at
    /// bookkeeping tables (grdb_migrations, PRAGMAs) without a database library of their own.
    func rawStrings(sql: String) throws -> [String] {
        try withConnection { db in try db.query(sql) { $0.text(0) } }
    }
}
