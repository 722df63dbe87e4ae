import RehabCore

/// What putting a patient on another program would change for them today: phase, restrictions and today's
/// exercises with their doses, each as the patient would read it. Worked out from two assessments of the same record,
/// so the preview is exactly what `status` would say before and after.
struct ProgramChange {
    var phase: (from: String, to: String)?
    var restrictionsAdded: [String] = []
    var restrictionsRemoved: [String] = []
    var restrictionsKept = 0
    var exercisesAdded: [String] = []
    var exercisesRemoved: [String] = []
    var dosesChanged: [String] = []
    var exercisesKept = 0

    init(before: Assessment, after: Assessment, record: PatientRecord) {
        if before.phaseLabel != after.phaseLabel { phase = (before.phaseLabel, after.phaseLabel) }
        let old = Self.restrictions(before), new = Self.restrictions(after)
        restrictionsAdded = new.filter { !old.contains($0) }
        restrictionsRemoved = old.filter { !new.contains($0) }
        restrictionsKept = new.count - restrictionsAdded.count
        let was = StatusText.dueToday(before, record: record), now = StatusText.dueToday(after, record: record)
        for d in now {
            guard let w = was.first(where: { $0.id == d.id }) else { exercisesAdded.append("\(d.name): \(d.dose)"); continue }
            if w.dose != d.dose { dosesChanged.append("\(d.name): \(w.dose) → \(d.dose)") } else { exercisesKept += 1 }
        }
        exercisesRemoved = was.filter { w in !now.contains { $0.id == w.id } }.map(\.name)
    }

    var isEmpty: Bool {
        phase == nil && restrictionsAdded.isEmpty && restrictionsRemoved.isEmpty && exercisesAdded.isEmpty
            && exercisesRemoved.isEmpty && dosesChanged.isEmpty
    }

    /// The rules in force as sentences, with when each ends, in the order the program states them.
    static func restrictions(_ a: Assessment) -> [String] {
        a.effectiveRestrictions.map { r in
            let until = r.release.on.map { " until \($0.iso)" } ?? r.release.when.map { " until \($0)" } ?? ""
            return r.rule.text + until + " — \(r.authority)"
        }
    }

    var lines: [String] {
        var out: [String] = []
        if let phase { out.append("Phase: \(phase.from) → \(phase.to)") }
        if !restrictionsAdded.isEmpty || !restrictionsRemoved.isEmpty {
            out.append("Restrictions:")
            out += restrictionsAdded.map { "  + \($0)" } + restrictionsRemoved.map { "  − no longer: \($0)" }
        }
        if restrictionsKept > 0 { out.append("  \(restrictionsKept) other restriction\(restrictionsKept == 1 ? "" : "s") stay the same") }
        if !exercisesAdded.isEmpty || !exercisesRemoved.isEmpty || !dosesChanged.isEmpty {
            out.append("Exercises today:")
            out += exercisesAdded.map { "  + \($0)" } + dosesChanged.map { "  ~ \($0)" } + exercisesRemoved.map { "  − \($0)" }
        }
        if exercisesKept > 0 { out.append("  \(exercisesKept) other exercise\(exercisesKept == 1 ? "" : "s") stay the same") }
        return out
    }
}
