import Ink
import RehabCore

extension Command {
    static let handout = Command(
        "handout", group: .today, usage: "handout [--week N | --on DATE] [--out FILE.md|FILE.html]",
        summary: "This week's restrictions, exercises with their steps, and routines, as a printable Markdown page.",
        example: "handout --out this-week.md", options: [.value("week", "N"), .value("on", "YYYY-MM-DD"), .value("out", "FILE")]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        let day = try shell.evaluationDay(args, surgery: v.surgery)
        let page = Handout.markdown(shell.assessment(v, on: day), record: v.record, shell: shell)
        if let out = args.option("out") {
            let html = out.lowercased().hasSuffix(".html") || out.lowercased().hasSuffix(".htm")
            try OutputFile.write(html ? Handout.html(page) : page, to: out)
            shell.say("Wrote this week's handout to \(out).")
        } else {
            shell.console.write(page)
        }
    }
}

/// A page for the fridge or the surgeon: the same verdicts `status` gives, written out in full.
enum Handout {
    static func markdown(_ a: Assessment, record: PatientRecord, shell: Shell) -> String {
        var out = "# \(record.profile.name.map { md($0) + "'s" } ?? "Your") recovery — week \(a.recovery.week) (\(a.date.iso))\n\n"
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

    /// The same page as HTML for printing. Every text from a program or patient was escaped for Markdown first, and
    /// `<`, `>` and `&` are escaped again here, so no tag a patient typed reaches the page.
    static func html(_ markdown: String) -> String {
        var safe = ""
        for ch in markdown {
            switch ch {
            case "&": safe += "&amp;"
            case "<": safe += "&lt;"
            case ">": safe += "&gt;"
            default: safe.append(ch)
            }
        }
        let body = MarkdownParser().html(from: safe)
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>rehab handout</title>"
            + "<style>body{font-family:sans-serif;max-width:42em;margin:2em auto;line-height:1.4}</style></head>\n<body>\n"
            + body + "\n</body></html>\n"
    }

    /// Text from a program or a patient, with Markdown's own characters escaped so it prints as written.
    static func md(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]#|".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
