import RehabCore

/// What one file says, before `use` libraries are merged into a whole `Program`.
struct ProgramFragment: Sendable {
    struct Header: Sendable { var id: String; var name: String; var source: SourceRef }
    /// `use "PATH"`, or `use library "NAME"` (`isShipped`): a library of the shipped programs folder, by name.
    struct Use: Sendable { var path: String; var source: SourceRef; var length: Int; var isShipped = false }
    /// `extends "NAME"` (a shipped program) or `extends "PATH"` (a program file in this folder).
    struct Extends: Sendable { var target: String; var source: SourceRef; var length: Int }

    var file: String
    var header: Header?
    /// A `program` line was written but did not parse: its own error says so, not "missing program".
    var triedHeader = false
    var procedure: String?
    var sources: [String] = []
    var clearances: [(id: String, meaning: String, source: SourceRef)] = []
    /// `activity ID "WORDS"` lines, each with the `says` phrases indented under it.
    var activities: [ActivityLine] = []
    var uses: [Use] = []
    var extends: Extends?
    /// `change`, `drop` and `replace` lines of a variant, applied to its base in order.
    var edits: [ProgramEdit] = []
    var restrictions: [Restriction] = []
    /// `advise ACTIVITY "…"` and `ask surgeon about ACTIVITY` lines.
    var advice: [Advice] = []
    var painRules: [PainRuleStatement] = []
    var redFlags: [RedFlag] = []
    var phases: [Phase] = []
    var exercises: [Exercise] = []
    var routines: [Routine] = []
    var ladders: [Ladder] = []
    var expectations: [Expectation] = []
    var measures: [MeasureSchedule] = []
    /// `stop walking` lines of phases, applied when carried (`onward`) prescriptions are materialized.
    var stops: [CarriedPrescriptions.Stop] = []
    var goals: [Goal] = []
    /// Where each ladder prescription and restriction line was, for precise validation messages.
    var references: [Reference] = []

    init(file: String) { self.file = file }

    /// `activity sleeping-on-stomach "sleeping on your stomach"` and its `says "sleep on my stomach", …` lines.
    struct ActivityLine: Sendable {
        var id: String
        var words: String
        var source: SourceRef
        /// Each phrase with where it was written, for the checks on empty and shared phrases.
        var phrases: [(text: String, source: SourceRef)] = []
    }

    /// A use of an id that must be defined somewhere (checked once all files are merged).
    struct Reference: Sendable {
        enum Kind: String, Sendable { case exercise, routine, ladder, redFlag = "red flag", phase, item = "exercise, routine or activity", clearance,
                            goal, activity }
        var kind: Kind
        var id: String
        var source: SourceRef
    }
}
