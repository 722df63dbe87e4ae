import GRDB

extension Journal {
    /// A small named value kept with the journal, such as "current-patient", so it follows the
    /// data directory rather than a separate config file.
    public func setting(_ key: String) throws(JournalError) -> String? {
        try guarded {
            try queue.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key])
            }
        }
    }

    /// Stores `value` under `key`, replacing any earlier value.
    public func setSetting(_ key: String, _ value: String) throws(JournalError) {
        try guarded {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO settings (key, value) VALUES (?, ?)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value
                    """, arguments: [key, value])
            }
        }
    }
}
