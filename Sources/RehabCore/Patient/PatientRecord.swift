/// Everything known about a patient, folded from journal events: the input to every answer.
public struct PatientRecord: Hashable, Sendable {
    public var profile: Profile
    public var clearances: [Clearance]
    public var orders: [SurgeonOrder]
    public var flagsReported: [FlagReport]
    public var flagsResolved: [FlagReport]
    /// What the rules need of each session; the full records stay in the journal.
    public var sessions: [SessionSummary]
    public var overrides: [TherapistOverride]
    public var program: ProgramCopy?
    /// Every program assigned, in order; `program` is the copy of the last.
    public var programHistory: [ProgramVersion] = []
    /// The copy of each version in `programHistory`, by content hash, so a past day can be answered by its rules.
    public var programCopies: [String: ProgramCopy] = [:]
    /// Outcome questionnaires, in the order they were completed.
    public var measures: [MeasureRecord] = []
    /// Therapists' choices for the program's category items, in the order recorded.
    public var categoryChoices: [CategoryChoice] = []
    /// Goals a therapist recorded as met, in the order recorded.
    public var goalsMet: [GoalMet] = []
    /// The journal position of each event of these kinds, so that events of one day replay in the order
    /// they were recorded (a flag reported again after its resolution, an order typed after a clearance).
    /// Records built by hand have none; their days then replay kind by kind.
    public var clearanceSequence: [Int] = []
    public var orderSequence: [Int] = []
    public var reportedSequence: [Int] = []
    public var resolvedSequence: [Int] = []
    public var sessionSequence: [Int] = []
    public var overrideSequence: [Int] = []
    public var goalSequence: [Int] = []

    /// Whether every event carries its journal position (the record was folded from a journal).
    public var hasSequences: Bool {
        clearanceSequence.count == clearances.count && orderSequence.count == orders.count
            && reportedSequence.count == flagsReported.count && resolvedSequence.count == flagsResolved.count
            && sessionSequence.count == sessions.count && overrideSequence.count == overrides.count
            && goalSequence.count == goalsMet.count
    }

    public init(profile: Profile = Profile(), clearances: [Clearance] = [], orders: [SurgeonOrder] = [],
                flagsReported: [FlagReport] = [], flagsResolved: [FlagReport] = [], sessions: [SessionSummary] = [],
                overrides: [TherapistOverride] = [], program: ProgramCopy? = nil) {
        self.profile = profile; self.clearances = clearances; self.orders = orders; self.flagsReported = flagsReported
        self.flagsResolved = flagsResolved; self.sessions = sessions; self.overrides = overrides; self.program = program
    }

    /// Folds events in journal order.
    public init(events: [PatientEvent]) {
        self.init()
        for e in events { apply(e) }
    }

    /// Adds one event; `position` is its place in the journal (any increasing number), by default
    /// one after the events applied so far.
    public mutating func apply(_ event: PatientEvent, position: Int? = nil) {
        let position = position ?? clearances.count + orders.count + flagsReported.count + flagsResolved.count
            + sessions.count + overrides.count + goalsMet.count + 1
        switch event {
        case .profileChanged(let field, let value, _):
            switch field {
            case "name": profile.name = value
            case "surgery": profile.surgery = CalendarDay(iso: value)
            case "procedure": profile.procedure = Procedure(rawValue: value)
            case "levels": profile.levels = value
            case "program": profile.program = value
            case "unit": profile.unit = Weight.Unit(rawValue: value) ?? profile.unit
            case "emergency-number": profile.emergencyNumber = value
            default: break
            }
        case .programAssigned(let p):
            program = p
            programHistory.append(ProgramVersion(name: p.name, contentHash: p.contentHash, from: p.on))
            programCopies[p.contentHash] = p
        case .clearanceRecorded(let c): clearances.append(c); clearanceSequence.append(position)
        case .restrictionOrdered(let o): orders.append(o); orderSequence.append(position)
        case .redFlagReported(let f): flagsReported.append(f); reportedSequence.append(position)
        case .redFlagResolved(let f): flagsResolved.append(f); resolvedSequence.append(position)
        case .sessionLogged(let s): apply(SessionSummary(s), position: position)
        case .phaseChanged: break
        case .therapistOverride(let o): overrides.append(o); overrideSequence.append(position)
        case .measureRecorded(let m): measures.append(m)
        case .categoryPrescribed(let c): categoryChoices.append(c)
        case .goalMet(let g): goalsMet.append(g); goalSequence.append(position)
        }
    }

    /// The record as it would be with one more event recorded after all others: for saying what an order
    /// would change before recording it.
    public func appending(_ event: PatientEvent) -> PatientRecord {
        var copy = self
        let all = clearanceSequence + orderSequence + reportedSequence + resolvedSequence + sessionSequence + overrideSequence
            + goalSequence
        copy.apply(event, position: hasSequences ? (all.max() ?? 0) + 1 : nil)
        return copy
    }

    /// Adds a session known only by its summary (the journal keeps summaries in columns).
    public mutating func apply(_ session: SessionSummary, position: Int) {
        sessions.append(session); sessionSequence.append(position)
    }

    /// Whether a clearance came after an order: by day, and on the same day by journal order. Without
    /// journal positions the order wins the tie, so the stricter rule stays in force.
    public func clearance(_ c: Int, isAfterOrder o: Int) -> Bool {
        let clearance = clearances[c], order = orders[o]
        if clearance.on != order.on { return clearance.on > order.on }
        guard c < clearanceSequence.count, o < orderSequence.count else { return false }
        return clearanceSequence[c] > orderSequence[o]
    }

    /// Flags reported and not resolved since, as of a day.
    public func activeFlags(on day: CalendarDay) -> [FlagReport] {
        var active: [String: FlagReport] = [:]
        var order: [String] = []
        // In journal order when known; otherwise reports before resolutions on the same day.
        let known = reportedSequence.count == flagsReported.count && resolvedSequence.count == flagsResolved.count
        let reports = flagsReported.enumerated().map { ($1, true, known ? reportedSequence[$0] : 0) }
        let resolutions = flagsResolved.enumerated().map { ($1, false, known ? resolvedSequence[$0] : 1) }
        let timeline = (reports + resolutions).filter { $0.0.on <= day }
        for (f, reported, _) in timeline.sorted(by: { ($0.0.on, $0.2) < ($1.0.on, $1.2) }) {
            if reported {
                if active[f.flag] == nil { order.append(f.flag) }
                active[f.flag] = f
            } else {
                active[f.flag] = nil
                order.removeAll { $0 == f.flag }
            }
        }
        return order.compactMap { active[$0] }
    }
}
