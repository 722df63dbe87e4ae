import RehabCore

/// `program use FILE`: a therapist moves the current patient onto another program (a surgeon's variant, a new
/// edition). Nothing changes until the patient's own changes today have been shown and agreed to; the copy recorded
/// carries its version, and earlier days keep the version that was in force then.
enum ProgramUse {
    static func run(_ shell: Shell, word: String, yes: Bool) throws(CommandError) {
        let v = try shell.patientView()
        // The program must check clean, its own `expect` lines included, before a patient follows it.
        _ = try shell.loadProgram(word, runExpectations: true)
        let copy = try shell.programCopy(word)
        let version = ProgramVersion(name: copy.name, contentHash: copy.contentHash, from: copy.on)
        if v.record.program?.contentHash == copy.contentHash {
            shell.say("\(v.name) already follows '\(copy.name)' version \(version.version); nothing was changed.")
            return
        }
        var after = v.record
        after.apply(.programAssigned(copy))
        let newView = Shell.PatientView(name: v.name, record: after, program: try shell.patientProgram(after),
                                        surgery: v.surgery)
        let change = ProgramChange(before: shell.assessment(v), after: shell.assessment(newView), record: v.record)
        let from = v.record.program.map { "'\($0.name)' version \(ProgramVersion(name: $0.name, contentHash: $0.contentHash, from: $0.on).version)" }
            ?? "no program"
        shell.say("Putting \(v.name) on '\(copy.name)' version \(version.version) from today, \(shell.settings.today.iso) "
                  + "(now \(from)).")
        if change.isEmpty {
            shell.say("Nothing changes for \(v.name) today: the same phase, restrictions and exercises.")
        } else {
            shell.say("What changes for \(v.name) today:")
            for line in change.lines { shell.say(line) }
        }
        if !yes {
            guard let ask = shell.ask else {
                throw .usage("nothing was changed; to put \(v.name) on this program, run the same command with --yes.")
            }
            guard case .line(let answer) = ask("Put \(v.name) on this program from today? [y/N] "),
                  ["y", "yes"].contains(answer.trimmingSpaces.lowercased()) else {
                shell.say("Nothing was changed.")
                return
            }
        }
        try shell.append(.profileChanged(field: "program", value: copy.name, on: shell.settings.today), to: v.name)
        try shell.append(.programAssigned(copy), to: v.name)
        shell.say("\(v.name) now follows '\(copy.name)' version \(version.version) from \(copy.on.iso); "
                  + "earlier days keep the version in force then ('program history').")
    }

    static func history(_ shell: Shell) throws(CommandError) {
        let v = try shell.patientView()
        let versions = v.record.programHistory
        if versions.isEmpty { shell.say("\(v.name) has no program yet."); return }
        for (i, p) in versions.enumerated() {
            let until: String
            if i + 1 == versions.count { until = "to today" } else if versions[i + 1].from <= p.from {
                until = "(replaced the same day)"
            } else { until = "until \(versions[i + 1].from.adding(days: -1).iso)" }
            shell.say("\(p.from.iso) \(until): '\(p.name)' version \(p.version)")
        }
    }
}
