import GRDB

extension Journal {
    /// Runs SQL straight on a journal file, bypassing every check; internal, for tests that need to
    /// craft a journal as a newer rehab would leave it. Not part of the API: events stay append-only.
    static func executeRaw(sql: String, onFileAt path: String) throws {
        let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: false))
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }
}

extension Journal {
    /// Reads one text column through the journal's own connection; internal, so tests can look at
    /// bookkeeping tables (grdb_migrations, PRAGMAs) without depending on GRDB themselves.
    func rawStrings(sql: String) throws -> [String] {
        try queue.read { db in try String.fetchAll(db, sql: sql) }
    }
}
