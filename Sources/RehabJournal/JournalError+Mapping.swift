import CSQLite

extension JournalError {
    /// Turns whatever SQLite or JSON coding threw into one of our cases, so no SQLite
    /// wording or result code ever reaches the patient.
    ///
    /// `place` names the journal in messages: its path, or "the in-memory journal".
    static func wrapping(_ error: any Error, place: String) -> JournalError {
        if let journalError = error as? JournalError { return journalError }
        if let dbError = error as? SQLiteError { return from(dbError, place: place) }
        if let unreadable = error as? EventCoding.UnreadableEvent {
            return .storage("entry \(unreadable.id) of \(place) is damaged (its stored text is not readable); "
                + "restore the journal from a backup, or save what can still be read with sqlite3's '.recover' "
                + "on a copy of it.")
        }
        if error is DecodingError {
            return .storage("an event stored in \(place) could not be read back; it may have been written by a "
                + "newer rehab, so upgrade rehab, or move the journal aside.")
        }
        if error is EncodingError {
            return .storage("the event could not be saved because one of its values cannot be written down "
                + "(for example a weight that is not a number); check what was typed and try again.")
        }
        return .storage("\(place) could not be used; check the disk and try again.")
    }

    private static func from(_ error: SQLiteError, place: String) -> JournalError {
        let detail = error.message.map { " (\($0))" } ?? ""
        switch error.primary {
        case SQLITE_NOTADB:
            return .notADatabase(path: place)
        case SQLITE_CORRUPT:
            return .damaged(path: place)
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .storage("\(place) stayed locked by another rehab for more than \(Int(Journal.busyTimeout)) "
                + "seconds; finish or close the other rehab and try again.")
        case SQLITE_FULL:
            return .storage("the disk holding \(place) is full; free some space and try again.")
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH:
            return .storage("\(place) cannot be written; check that you own it and its directory and may write them.")
        case SQLITE_CANTOPEN:
            return .storage("\(place) cannot be opened; check that its directory exists and that you may read and write it.")
        case SQLITE_IOERR:
            return .storage("reading or writing \(place) failed\(detail); check the disk and try again.")
        default:
            return .storage("\(place) reported an unexpected problem\(detail); try again, and keep a copy "
                + "of the file if it happens again.")
        }
    }
}
