/// Which of a prescription's alternative positions (`hip-flexor-stretch kneeling or prone`) the rules in force leave
/// open: a `no prone` restriction (program-wide, in the phase, or a surgeon's order) rules that position out.
public struct PositionChoice: Hashable, Sendable {
    public let open: [Position]
    /// Each position ruled out, with the rule that rules it out.
    public let closed: [(position: Position, rule: ActiveRestriction)]

    public static func == (a: PositionChoice, b: PositionChoice) -> Bool {
        a.open == b.open && a.closed.map(\.position) == b.closed.map(\.position)
    }
    public func hash(into h: inout Hasher) { h.combine(open); h.combine(closed.map(\.position)) }

    /// "(kneeling or lying face down)"; with prone ruled out only what is offered, "(kneeling)"; empty without
    /// alternatives. The answer's reason says what is ruled out and why.
    public var text: String {
        guard !open.isEmpty || !closed.isEmpty else { return "" }
        guard !open.isEmpty else { return "(" + closed.map(\.position.words).joined(separator: " or ") + ")" }
        return "(" + open.map(\.words).joined(separator: " or ") + ")"
    }
}

extension Assessment {
    public func positions(of p: Prescription) -> PositionChoice {
        var open: [Position] = []
        var closed: [(position: Position, rule: ActiveRestriction)] = []
        for position in p.alternatives {
            if let rule = ban(on: position.activity) { closed.append((position, rule)) } else { open.append(position) }
        }
        return PositionChoice(open: open, closed: closed)
    }

    /// The exercise's name as the patient sees it: "Hip flexor stretch (kneeling or lying face down)".
    public func name(of p: Prescription, exercise id: String) -> String {
        let name = program.exercise(id)?.name ?? id
        let positions = p.isLadder ? "" : positions(of: p).text
        return positions.isEmpty ? name : "\(name) \(positions)"
    }
}
