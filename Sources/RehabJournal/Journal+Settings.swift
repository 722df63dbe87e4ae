extension Journal {
    /// A small named value kept with the journal, such as "current-patient", so it follows the
    /// data directory rather than a separate config file.
    public func setting(_ key: String) throws(JournalError) -> String? {
        try withConnection { db in
            try db.query("SELECT value FROM settings WHERE key = ?", [.text(key)]) { $0.optionalText(0) }.first ?? nil
        }
    }

    /// Stores `value` under `key`, replacing any earlier value.
    public func setSetting(_ key: String, _ value: String) throws(JournalError) {
        try withWritingConnection { db in
            try db.run("""
                INSERT INTO settings (key, value) VALUES (?, ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, [.text(key), .text(value)])
        }
    }
}
