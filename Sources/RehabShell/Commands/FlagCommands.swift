import RehabCore

extension Command {
    static let flag = Command(
        "flag", group: .orders, usage: "flag SYMPTOM (in your own words)",
        summary: "Report a red-flag symptom in your own words: you go on hold and get the advice at once.",
        example: "flag my calf is sore and swollen", arguments: .from(.flags), options: [.value("note", "TEXT")]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        let text = args.words.joined(separator: " ").trimmingSpaces
        guard !text.isEmpty else {
            throw .usage("say what you notice, in your own words; for example 'flag chest pain' or 'flag my calf is swollen'.")
        }
        let flags = try FlagReporting(shell: shell, view: v).choose(text)
        try FlagReporting(shell: shell, view: v).record(flags, words: text, note: args.option("note"))
    }

    static let flags = Command(
        "flags", group: .orders, usage: "flags", summary: "The red flags your program knows, and any reported.", example: "flags"
    ) { shell, _ throws(CommandError) in
        let v = try shell.patientView()
        let a = shell.assessment(v)
        let open = Set(a.holds.map(\.reason))
        for f in v.program.redFlags.sorted(by: { $0.severity < $1.severity }) {
            shell.say("\(open.contains(f.id) ? "REPORTED " : "")\(f.id) (\(f.severity.rawValue): \(f.severity.action(emergencyNumber: a.emergencyNumber)))"
                      + " — \(f.description)")
        }
        for h in a.holds where h.flag == nil { shell.say("REPORTED \(h.reason) — \(h.description)") }
    }

    static let resolve = Command(
        "resolve", group: .orders, usage: "resolve FLAG", summary: "Mark a red flag (or a pain hold) as resolved, once your doctor says so.",
        example: "resolve fever", arguments: .from(.flags), options: [.value("note", "TEXT")]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        guard let id = args.words.first?.lowercased() else { throw .usage("name the flag to resolve; type 'flags' to see the reported ones.") }
        let a = shell.assessment(v)
        guard a.holds.contains(where: { $0.reason == id }) else {
            let open = a.holds.map(\.reason)
            throw .usage(open.isEmpty ? "no red flag is reported, so there is nothing to resolve."
                                      : "'\(id)' is not reported; the reported ones are: \(open.joined(separator: ", ")).")
        }
        try shell.append(.redFlagResolved(FlagReport(flag: id, on: shell.settings.today, note: args.option("note"))), to: v.name)
        let after = shell.assessment(try shell.patientView())
        shell.say("Resolved \(id). Now: \(after.phaseLabel).")
    }
}

/// Turns a patient's words into the red flags to record, and says what to do.
struct FlagReporting {
    let shell: Shell
    let view: Shell.PatientView

    /// The flags the words name: every clear match; else, for an unclear match, the patient's choice at a terminal
    /// or the most severe in a script; an empty list means a symptom the program does not list.
    func choose(_ text: String) throws(CommandError) -> [RedFlag] {
        let result = SymptomMatcher.match(text, in: view.program.redFlags)
        if !result.clear.isEmpty { return result.clear }
        guard !result.unclear.isEmpty else { return [] }
        guard let ask = shell.ask else { return Array(result.unclear.prefix(1)) }
        shell.say("Which of these is it?")
        for (i, f) in result.unclear.enumerated() { shell.say("  \(i + 1). \(f.description)") }
        for _ in 0..<3 {
            switch ask("Type a number (or several, like 1 2), or 'none' if it is something else: ") {
            case .end, .interrupted:
                // Nothing chosen: the words are still a symptom, and the most severe reading keeps them safe.
                shell.say("Recording the most serious of these, to be safe.")
                return Array(result.unclear.prefix(1))
            case .line(let raw):
                let answer = raw.trimmingSpaces.lowercased()
                if answer == "none" || answer == "n" { return [] }
                let picks = Tokenizer.words(answer.replacingCommas).compactMap(Int.init)
                if !picks.isEmpty, picks.allSatisfy({ (1...result.unclear.count).contains($0) }) {
                    return picks.uniqued.map { result.unclear[$0 - 1] }
                }
                shell.console.report("Type a number from 1 to \(result.unclear.count), or 'none'.\n")
            }
        }
        return Array(result.unclear.prefix(1))
    }

    /// Records each flag (or the unlisted symptom) and gives the advice, most severe first.
    func record(_ flags: [RedFlag], words: String, note: String?) throws(CommandError) {
        let today = shell.settings.today
        let number = view.record.profile.emergencyNumber
        if flags.isEmpty {
            let said = words.count > 200 ? String(words.prefix(200)) + "…" : words
            try shell.append(.redFlagReported(FlagReport(flag: Hold.unlisted, on: today, note: note ?? said)), to: view.name)
            shell.say(shell.style("Recorded as a new symptom: '\(said)'.", "1;31") + " It is not on your program's list of warning signs,"
                      + " so you are on hold: no exercises until it is resolved.")
            let emergencies = view.program.redFlags.filter(\.emergency)
            if !emergencies.isEmpty {
                shell.say("If you have any of these, call \(number) now:")
                for f in emergencies { shell.say("  • \(f.description)") }
            }
            shell.say("Otherwise call your surgeon's office today and tell them what you noticed. When they say it is fine, type 'resolve \(Hold.unlisted)'.")
            return
        }
        for f in flags {
            try shell.append(.redFlagReported(FlagReport(flag: f.id, on: today, note: note ?? words)), to: view.name)
        }
        for f in flags {
            let label: String
            switch f.severity {
            case .emergency: label = "EMERGENCY"
            case .urgent: label = "Red flag — call your surgeon now"
            case .soon: label = "Red flag — call your surgeon today"
            }
            shell.say(shell.style("\(label): \(f.description).", "1;31"))
            if !f.advice.isEmpty { shell.say(f.advice(emergencyNumber: number)) }
        }
        let a = shell.assessment(try shell.patientView())
        let ids = flags.map(\.id).joined(separator: "', 'resolve ")
        if !a.emergencies.isEmpty {
            shell.say("All coaching is stopped until this is resolved. When a doctor has seen you and says it is safe, type 'resolve \(ids)'.")
        } else {
            let keep = a.continuingDuringHold.map { view.program.exercise($0)?.name ?? $0 }
            shell.say("You are on hold: " + (keep.isEmpty ? "no exercises" : "no exercises except \(keep.joined(separator: ", "))")
                      + " until this is resolved. When your doctor says it is, type 'resolve \(ids)'.")
        }
    }
}

extension String {
    var replacingCommas: String { String(map { $0 == "," ? " " : $0 }) }
}
