import RehabCore

/// What a phase gives the patient beyond its exercises: what it teaches (`teach posture "…"`) and the items left to
/// the therapist (`resistance-training as prescribed by your therapist`), in status, preview and the session.
enum PhaseExtrasText {
    /// "Posture: Keep your ears over your shoulders when you sit", then "Resistance training — as prescribed by…".
    static func lines(_ a: Assessment) -> (reading: [String], therapist: [String]) {
        guard a.emergencyAdvice == nil, let phase = a.phase else { return ([], []) }
        return (phase.teachings.map { "\($0.title): \($0.text)" }, phase.categories.map(\.text))
    }

    /// The sections for `status` and `preview`; empty when the phase has neither.
    static func render(_ a: Assessment) -> String {
        let (reading, therapist) = lines(a)
        var out = ""
        if !therapist.isEmpty {
            out += "\nLeft to your therapist (they will tell you which exercise and dose):\n"
            out += therapist.map { "  • \($0)\n" }.joined()
        }
        if !reading.isEmpty { out += "\nTo read and keep in mind:\n" + reading.map { "  • \($0)\n" }.joined() }
        return out
    }
}
