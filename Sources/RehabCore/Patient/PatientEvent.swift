/// Something that happened to a patient, as the journal records it.
///
/// The journal is append-only; the patient's state is always derived from these events by the
/// progression machine, never stored as truth.
public enum PatientEvent: Hashable, Sendable, Codable {
    case profileChanged(field: String, value: String, on: CalendarDay)
    case programAssigned(ProgramCopy)
    case clearanceRecorded(Clearance)
    case restrictionOrdered(SurgeonOrder)
    case redFlagReported(FlagReport)
    case redFlagResolved(FlagReport)
    case sessionLogged(SessionRecord)
    /// An observed phase change, kept for the record only.
    case phaseChanged(from: String?, to: String, on: CalendarDay)
    case therapistOverride(TherapistOverride)
    /// An outcome questionnaire (ODI, NDI, PSFS) the patient completed.
    case measureRecorded(MeasureRecord)
    /// A therapist filled in a category item of the program with an exercise and dose.
    case categoryPrescribed(CategoryChoice)
    /// A therapist recorded that the patient met one of the program's goals.
    case goalMet(GoalMet)

    /// The calendar day the event takes effect.
    public var day: CalendarDay {
        switch self {
        case .profileChanged(_, _, let d): return d
        case .programAssigned(let p): return p.on
        case .clearanceRecorded(let c): return c.on
        case .restrictionOrdered(let o): return o.on
        case .redFlagReported(let f), .redFlagResolved(let f): return f.on
        case .sessionLogged(let s): return s.on
        case .phaseChanged(_, _, let d): return d
        case .therapistOverride(let o): return o.on
        case .measureRecorded(let m): return m.on
        case .categoryPrescribed(let c): return c.on
        case .goalMet(let g): return g.on
        }
    }

    /// A stable short name for storage and listing.
    public var kind: String {
        switch self {
        case .profileChanged: return "profile"
        case .programAssigned: return "program"
        case .clearanceRecorded: return "clearance"
        case .restrictionOrdered: return "restriction"
        case .redFlagReported: return "flag"
        case .redFlagResolved: return "flag-resolved"
        case .sessionLogged: return "session"
        case .phaseChanged: return "phase"
        case .therapistOverride: return "override"
        case .measureRecorded: return "measure"
        case .categoryPrescribed: return "prescribed"
        case .goalMet: return "goal-met"
        }
    }
}

/// A frozen copy of the program a patient was assigned, so editing the file later never rewrites history.
public struct ProgramCopy: Hashable, Sendable, Codable {
    public var name: String
    /// Path of the main file → its text, for the main file and every library it uses.
    public var files: [String: String]
    public var mainFile: String
    /// Hex SHA-256 (or any stable hash) of the files' content.
    public var contentHash: String
    public var on: CalendarDay

    public init(name: String, files: [String: String], mainFile: String, contentHash: String, on: CalendarDay) {
        self.name = name; self.files = files; self.mainFile = mainFile; self.contentHash = contentHash; self.on = on
    }
}
