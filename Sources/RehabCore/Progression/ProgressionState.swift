/// Where a patient stands in a program. Phases are states; a red flag or pain breach is a hold.
public enum ProgressionState: Hashable, Sendable {
    /// Before the first phase's gates are met (a program whose first phase starts after week 0).
    case notStarted
    case inPhase(Int)
    /// No exercises and no progression until every hold reason is resolved; then back to `returnTo`.
    case onHold(returnTo: Int)
    /// Past the last phase.
    case completed

    /// The phase whose rules apply (the one to return to while on hold).
    public var phaseIndex: Int? {
        switch self {
        case .inPhase(let i), .onHold(let i): return i
        case .notStarted, .completed: return nil
        }
    }

    public var isOnHold: Bool { if case .onHold = self { return true } else { return false } }
}

/// A change of state, kept so `why` and the journal can say how the patient got here.
public struct Transition: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case enteredPhase(Int)
        case wentOnHold([String])
        case resumed(Int)
        case completed
        case advancedByTherapist(Int, reason: String)
        case regressedByTherapist(Int, reason: String)
        /// A pain rule stopped these exercises: smaller dose, no progression until they recover.
        case backedOff([String], reason: String)
        /// Pain came back to the usual level on these exercises: their normal dose applies again.
        case recovered([String])
    }
    public let kind: Kind
    public let on: CalendarDay
    public init(kind: Kind, on: CalendarDay) { self.kind = kind; self.on = on }
}

/// The result of checking one gate, with the date it will hold when time alone decides it.
public struct GateResult: Hashable, Sendable {
    public let gate: GateStatement
    public let met: Bool
    /// For week gates not yet met: the day it opens.
    public let opensOn: CalendarDay?
    /// Plain words: "week 6 (2026-12-14)", "your surgeon clears lifting (when they do, record it with 'clear lifting by NAME')".
    public let text: String
}
