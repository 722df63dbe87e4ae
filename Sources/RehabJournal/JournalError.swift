/// Why the journal could not do what was asked, worded for the patient at the prompt.
///
/// Every case reads as one plain sentence that says what was wrong and what to do next, because
/// the shell prints `description` as it is.
public enum JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not SQLite at all, or is truncated or damaged; it is never modified.
    case notADatabase(path: String)
    /// The journal was migrated by a newer rehab; it is left untouched so the newer rehab still reads it.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The data directory or the journal file could not be made.
    case cannotCreate(path: String, reason: String)
    /// The journal (or one of its side files) is a symbolic link, which is never followed.
    case symbolicLink(path: String)
    /// SQLite's own check found damaged pages; the file is left byte-for-byte as it was.
    case damaged(path: String)
    case unknownPatient(String)
    case duplicatePatient(String)
    /// Empty, longer than ``PatientName/maximumLength`` characters, padded with spaces, or holding control characters.
    case invalidName(String)
    /// Anything else SQLite or JSON coding reported, already phrased as one sentence.
    case storage(String)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path) is not a rehab journal (not an SQLite database, or a damaged one); "
                + "move it aside or choose another --data-dir."
        case .newerSchema(let path, let found, let supported):
            return "\(path) was written by a newer rehab (journal version \(found); this rehab reads up to "
                + "version \(supported)); upgrade rehab to open it (the journal was left untouched)."
        case .cannotCreate(let path, let reason):
            return "cannot create \(path): \(reason); fix the path or its permissions, or choose another --data-dir."
        case .symbolicLink(let path):
            return "\(path) is a symbolic link, which rehab never follows; "
                + "put the journal file itself there, or choose another --data-dir."
        case .damaged(let path):
            return "\(path) is damaged (SQLite's check found broken pages) and was left untouched; "
                + "restore it from a backup, or save what can still be read with sqlite3's '.recover' on a copy of it."
        case .unknownPatient(let name):
            return "there is no patient named '\(name)'; type 'patients' to list them or 'patient new \(name)' to add one."
        case .duplicatePatient(let name):
            return "there is already a patient named '\(name)'; choose another name, or type 'patients' to list them."
        case .invalidName(let name):
            return PatientName.problem(with: name).map { $0.sentence(for: name) }
                ?? "the patient name '\(name)' cannot be used; choose a plain name of up to \(PatientName.maximumLength) characters."
        case .storage(let sentence):
            return sentence
        }
    }
}
