import RehabCore

/// One change a variant (`extends "lumbar-fusion"`) makes to its base program, applied before validation.
enum ProgramEdit: Sendable {
    /// `change lifting to at most 5 lb until week 12`: the base's rules on the activity give way to these
    /// (none for `change ACTIVITY to allowed`).
    case change(activity: String, to: [Restriction], source: SourceRef)
    /// `drop bridges`: the exercise's prescriptions leave every phase.
    case drop(exercise: String, source: SourceRef)
    /// `replace walking with recumbent-bike`: every prescription of one exercise names the other, same dose.
    case replace(exercise: String, with: String, source: SourceRef)

    var source: SourceRef {
        switch self {
        case .change(_, _, let s), .drop(_, let s), .replace(_, _, let s): return s
        }
    }
}
