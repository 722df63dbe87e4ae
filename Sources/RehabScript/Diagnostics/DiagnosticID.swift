/// Every diagnostic id, in one sorted catalog: ids are stable names that tests, fixtures and tools
/// match on, so a new one is added here (with a fixture in `Tests/Fixtures/malformed/`), never typed
/// as a string at the place that reports it. `docs/language.md` lists them; a test keeps both in step.
public enum DiagnosticID: String, CaseIterable, Sendable, Comparable {
    /// `ITEM as prescribed` not followed by `by your therapist`.
    case asPrescribed = "as-prescribed"
    /// A `back off` line with a gate or `onward`: the back-off dose follows its prescription.
    case backOffGate = "back-off-gate"
    /// A back-off line's dose grows week by week, which a smaller, safer dose must not.
    case backOffProgression = "back-off-progression"
    /// `back off ID` names an exercise this phase does not prescribe above it.
    case backOffUnknown = "back-off-unknown"
    /// A dose that cannot be meant: a range that goes down (`15-10 reps`), a step of more than 50%.
    case badDose = "bad-dose"
    /// `change ACTIVITY to RULE` whose rule is about another activity.
    case changeMismatch = "change-mismatch"
    /// `change ACTIVITY` where the base program has no rule on that activity.
    case changeUnknown = "change-unknown"
    /// A second `extends` line: a variant has one base.
    case duplicateExtends = "duplicate-extends"
    /// A prescription with two gates (`from …` and `when …`): write one condition, joined with `and`.
    case duplicateGate = "duplicate-gate"
    /// Two definitions share an id (or an exercise and a routine do).
    case duplicateID = "duplicate-id"
    /// Two activities share a `says` phrase, so a question in those words would have two answers.
    case duplicatePhrase = "duplicate-phrase"
    /// A file has a second `program` line.
    case duplicateProgram = "duplicate-program"
    /// `change`, `drop` or `replace` in a program that extends nothing.
    case editWithoutBase = "edit-without-base"
    /// An emergency red flag lists exercises that continue during it.
    case emergencyContinues = "emergency-continues"
    /// An activity's `says` phrase with no word a question could match (`says ""`, `says "can I"`).
    case emptyPhrase = "empty-phrase"
    /// One of the program's own `expect` lines does not hold.
    case expectation
    /// The grammar wanted something else here (a word, a number, text in quotes…).
    case expected
    /// A phase prescribes an exercise its own restrictions forbid.
    case forbiddenPrescription = "forbidden-prescription"
    /// `hold if pain reaches` inside an exercise; it applies to the whole program.
    case holdInExercise = "hold-in-exercise"
    /// An id with capitals or underscores.
    case idCase = "id-case"
    /// A number no therapist means: 0 sets, a 3-hour hold, week 400.
    case implausible
    /// A line of a block indented differently from the lines above it.
    case indent
    /// A library holds what belongs in the main program file (`program`, a phase, a restriction, `expect`).
    case libraryContent = "library-content"
    /// `use library "NAME"` with a name that is not a plain library name.
    case libraryName = "library-name"
    /// `limit brace` or `limit collar`: gear is worn or not (`wear …`), not limited.
    case limitGear = "limit-gear"
    /// `limit lifting` or `limit sitting`: a measured activity takes a number (`lift at most`, `sit at most`).
    case limitMeasured = "limit-measured"
    /// The main program file cannot be read (or is a link out of its folder).
    case missingFile = "missing-file"
    /// The main file has no `program ID "NAME"` line.
    case missingProgram = "missing-program"
    /// The program has no phase, so it prescribes nothing.
    case noPhases = "no-phases"
    /// `drop` or `replace` names something no phase of the base prescribes.
    case notPrescribed = "not-prescribed"
    /// `from week N` written after `until`.
    case order
    /// Two phases leave weeks with no phase between them.
    case phaseGap = "phase-gap"
    /// A phase other than the last has no end (`from month 6`, `weeks 26-`).
    case phaseOpenEnd = "phase-open-end"
    /// A phase starts before the previous one ends.
    case phaseOverlap = "phase-overlap"
    /// `until phase X` inside a phase that is X or comes after it: the rule never applies.
    case phaseReleasePast = "phase-release-past"
    /// A phase ends before it starts.
    case phaseWeeks = "phase-weeks"
    /// A red flag has no phrase patients use for it.
    case redFlagNoPhrases = "red-flag-no-phrases"
    /// A red flag phrase made only of common words, which never matches.
    case redFlagPhraseTooCommon = "red-flag-phrase-too-common"
    /// `respects` in a routine: deprecated, since the checker works conflicts out from the routine's `loads`.
    case respectsDeprecated = "respects-deprecated"
    /// `routine ID` with no name at the top level; using a routine belongs inside a phase.
    case routineOutsidePhase = "routine-outside-phase"
    /// A routine is used while a restriction is in force that its `loads` break, or it says nothing of what it loads.
    case routineRespects = "routine-respects"
    /// A `sources` range that goes down (`sources 15-4 lb`) or is not in the rule's unit (weeks for a ban).
    case sourcesRange = "sources-range"
    /// `stop EXERCISE` in a phase where nothing carries that exercise on (`onward`).
    case stopNotCarried = "stop-not-carried"
    /// An indented line under no block.
    case strayIndent = "stray-indent"
    /// A line indented with tabs.
    case tabIndent = "tab-indent"
    /// Words left over at the end of a statement.
    case unexpected
    /// A restriction (`no X`, `limit X`) or load naming an activity no file declares and the engine does not know.
    case unknownActivity = "unknown-activity"
    /// A prescription, rung or `continues` line naming an exercise no file defines.
    case unknownExercise = "unknown-exercise"
    /// `wear` something other than a brace or a collar.
    case unknownGear = "unknown-gear"
    /// `requires met GOAL` names a goal the program does not declare.
    case unknownGoal = "unknown-goal"
    /// An expectation naming no exercise, routine or restricted activity.
    case unknownItem = "unknown-item"
    /// A ladder prescription naming a ladder no file defines.
    case unknownLadder = "unknown-ladder"
    /// `measure` of a questionnaire rehab does not score.
    case unknownMeasure = "unknown-measure"
    /// An expectation naming a phase the program does not have.
    case unknownPhase = "unknown-phase"
    /// An exercise `position` that is not one rehab knows.
    case unknownPosition = "unknown-position"
    /// An expectation naming a red flag no file defines.
    case unknownRedFlag = "unknown-red-flag"
    /// A phase using a routine no file defines.
    case unknownRoutine = "unknown-routine"
    /// A line whose first word starts no statement.
    case unknownStatement = "unknown-statement"
    /// A string with no closing quote.
    case unterminatedString = "unterminated-string"
    /// A release condition naming a clearance nothing requires or declares (most often a typo).
    case unusedClearance = "unused-clearance"
    /// A `use` path that leads outside the program's folder.
    case useEscapes = "use-escapes"
    /// Files that `use` each other in a loop.
    case useLoop = "use-loop"
    /// A `use` of a file that cannot be read.
    case useMissing = "use-missing"
    /// A `use` of something that is not a plain file, or too large.
    case useRefused = "use-refused"
    /// A `phase` in a variant: phases are inherited from the base.
    case variantPhase = "variant-phase"
    /// A line that belongs in another kind of block (a `step` in a phase, a `cue` in a ladder…).
    case wrongBlock = "wrong-block"
    /// An amount in a unit its activity is not measured in (`ride at most 10 lb`).
    case wrongUnit = "wrong-unit"

    public static func < (a: DiagnosticID, b: DiagnosticID) -> Bool { a.rawValue < b.rawValue }
}
