import RehabCore

extension Command {
    static let handout = Command(
        "handout", group: .today, usage: "handout [--week N | --on DATE] [--out FILE]",
        summary: "This week's restrictions, exercises with their steps, and routines, as a printable Markdown page.",
        example: "handout --out this-week.md", options: [.value("week", "N"), .value("on", "YYYY-MM-DD"), .value("out", "FILE")]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        let day = try shell.evaluationDay(args, surgery: v.surgery)
        let page = Handout.markdown(shell.assessment(v, on: day), record: v.record, shell: shell)
        if let out = args.option("out") {
            try OutputFile.write(page, to: out)
            shell.say("Wrote this week's handout to \(out).")
        } else {
            shell.console.write(page)
        }
    }
}

/// A page for the fridge or the surgeon: the same verdicts `status` gives, written out in full.
enum Handout {
    static func markdown(_ a: Assessment, record: PatientRecord, shell: Shell) -> String {
        var out = "# \(record.profile.name ?? "Your") recovery — week \(a.recovery.week) (\(a.date.iso))\n\n"
        out += "\(a.program.name): \(a.phaseLabel).\n\n"
        if let advice = a.emergencyAdvice { return out + "**\(md(advice))**\n" }
        if !a.holds.isEmpty {
            out += "## On hold\n\n"
            for h in a.holds { out += "- \(md(h.description)) (since \(h.since.iso))\n" }
            out += "\n"
        }
        out += "## Restrictions\n\n"
        for piece in AssessmentText(shell: shell).restrictions(a).split(separator: "\n") {
            let line = String(piece).trimmingSpaces
            out += "- " + md(line.hasPrefix("•") ? String(line.dropFirst()).trimmingSpaces : line) + "\n"
        }
        let due = StatusText.dueToday(a, record: record)
        if !due.isEmpty {
            out += "\n## Exercises\n"
            for d in due {
                out += "\n### \(md(d.name))" + (d.dose.isEmpty ? "" : " — \(md(d.dose))") + "\n\n"
                let e = a.program.exercise(d.id)
                for (i, step) in (e?.steps ?? []).enumerated() { out += "\(i + 1). \(md(step))\n" }
                for cue in e?.cues ?? [] { out += "- Tip: \(md(cue))\n" }
            }
        }
        let routines = a.phase.map { $0.routines.map(\.routine) } ?? []
        if !routines.isEmpty {
            out += "\n## Routines\n"
            for id in routines {
                guard let r = a.program.routine(id) else { continue }
                out += "\n### \(md(r.name))\n\n"
                for n in r.never { out += "- **Never:** \(md(n))\n" }
                for (i, step) in r.steps.enumerated() { out += "\(i + 1). \(md(step))\n" }
            }
        }
        out += "\nYour surgeon's instructions always come first. Stop and call if a warning sign appears.\n"
        return out
    }

    /// Text from a program or a patient, with Markdown's own characters escaped so it prints as written.
    static func md(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]<>#|".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
