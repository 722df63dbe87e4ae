import RehabCore
import RehabJournal

extension Command {
    static let profile = Command(
        "profile", group: .patients,
        usage: "profile [set surgery YYYY-MM-DD | set procedure NAME | set program NAME-OR-FILE | set levels L4-L5 | set unit lb|kg | set name TEXT | set emergency-number 112]",
        summary: "Show your profile, set it up step by step, or change one field.",
        example: "profile set surgery 2026-10-05",
        arguments: .branch(["set": .branch([
            "surgery": .end, "procedure": .words(Procedure.allCases.map(\.rawValue)), "program": .from(.programs),
            "levels": .end, "unit": .words(["lb", "kg"]), "name": .end, "emergency-number": .words(["911", "112", "999", "000"]),
        ], otherwise: nil)], otherwise: nil)
    ) { shell, args throws(CommandError) in
        if args.words.isEmpty {
            let j = try shell.journal()
            let hasAny = ((try? j.patients()) ?? []).isEmpty == false
            var complete = false
            if hasAny, let who = try? shell.currentPatient(), let rec = try? shell.record(of: who) {
                complete = rec.profile.isComplete
            }
            if !hasAny || !complete {
                guard shell.ask != nil else {
                    throw .usage("there is no profile yet; type 'profile set surgery YYYY-MM-DD' and 'profile set procedure lumbar-fusion'.")
                }
                try ProfileSetup(shell: shell).run()
                return
            }
            let name = try shell.currentPatient()
            shell.console.write(ProfileText.render(try shell.record(of: name).profile, patient: name))
            return
        }
        guard args.words.first == "set", args.words.count >= 3 else {
            throw .usage("type 'profile' to see your profile, or 'profile set FIELD VALUE', for example 'profile set unit kg'.")
        }
        let field = args.words[1]
        let value = args.words[2...].joined(separator: " ")
        let name = try shell.currentPatient(creating: true)
        let confirmation = try ProfileSetup(shell: shell).set(field, value, patient: name)
        shell.say(confirmation)
    }

    static let patients = Command(
        "patients", group: .patients, usage: "patients", summary: "List the patients in this data dir.", example: "patients"
    ) { shell, args throws(CommandError) in
        let list = try shell.withJournal { try $0.patients() }
        let current = try? shell.currentPatient()
        if list.isEmpty { shell.say("No patients yet; type 'profile' to set up the first, or 'patient new NAME'."); return }
        for p in list {
            var line = "\(p.name == current ? "*" : " ") \(p.name)"
            if let v = try? shell.patientView(named: p.name) {
                let a = shell.assessment(v)
                line += " — week \(a.recovery.week), \(a.phaseLabel)"
                if a.isOnHold { line += ", ON HOLD: " + a.holds.map(\.description).joined(separator: "; ") }
            } else {
                line += " — profile not complete"
            }
            shell.say(line + "  (\(p.eventCount) entries, since \(p.created.prefix(10)))")
        }
    }

    static let patient = Command(
        "patient", group: .patients, usage: "patient new NAME | patient use NAME",
        summary: "Add a patient, or switch to one (therapists keep a roster in one data dir).",
        example: "patient new ann",
        arguments: .branch(["new": .end, "use": .from(.patients)], otherwise: nil)
    ) { shell, args throws(CommandError) in
        guard args.words.count >= 2, ["new", "use"].contains(args.words[0]) else {
            throw .usage("type 'patient new NAME' to add a patient or 'patient use NAME' to switch.")
        }
        let name = args.words[1...].joined(separator: " ")
        let isNew = args.words[0] == "new"
        try shell.withJournal { j in
            if isNew {
                try j.createPatient(named: name)
            } else {
                guard try j.hasPatient(named: name) else { throw JournalError.unknownPatient(name) }
            }
            try j.setSetting("current-patient", name)
        }
        shell.say(isNew ? "Added \(name) and switched to them. Type 'profile' to set up their surgery." : "Now working with \(name).")
    }
}

/// The guided profile and the `profile set` fields.
struct ProfileSetup {
    let shell: Shell

    func run() throws(CommandError) {
        let name = try shell.currentPatient(creating: true)
        shell.say("Let's set up your profile. Press Enter to skip an optional question, Ctrl-C to stop.")
        let questions: [(field: String, prompt: String, optional: Bool)] = [
            ("name", "Your name or a nickname (optional): ", true),
            ("surgery", "Date of your surgery (YYYY-MM-DD): ", false),
            ("procedure", "Your operation — lumbar-fusion, cervical-fusion or lumbar-disc-replacement: ", false),
            ("levels", "Levels operated on, e.g. L4-L5 (optional): ", true),
            ("unit", "Weights in lb or kg? [lb]: ", true),
        ]
        for q in questions {
            var attempts = 0
            while true {
                guard let ask = shell.ask else { return }
                switch ask(q.prompt) {
                case .end, .interrupted:
                    shell.say("Stopped; what you answered so far is saved. Type 'profile' to go on.")
                    return
                case .line(let raw):
                    let answer = raw.trimmingSpaces
                    if answer.isEmpty && q.optional { break }
                    do throws(CommandError) {
                        if answer.isEmpty { throw CommandError.usage("this question needs an answer; type it, or press Ctrl-C to stop.") }
                        _ = try set(q.field, answer, patient: name)
                    } catch {
                        attempts += 1
                        shell.console.report(Session.sentence(error.message) + "\n")
                        if attempts >= 3 { shell.say("Let's stop here; type 'profile' to try again."); return }
                        continue
                    }
                }
                break
            }
        }
        if let v = try? shell.patientView() {
            let a = shell.assessment(v)
            shell.say("Saved. You are in \(a.recovery.phrase): \(a.phaseLabel).")
            shell.say("Type 'status' for this week, 'allowed' for everything, or ask: can lift 15 lb.")
        }
    }

    /// Validates and records one field; returns the confirmation sentence.
    func set(_ field: String, _ value: String, patient: String) throws(CommandError) -> String {
        let today = shell.settings.today
        switch field {
        case "surgery":
            guard let day = CalendarDay(iso: value) else {
                throw .usage("'\(value)' is not a date; type the date of your operation as YYYY-MM-DD, for example 2026-10-05.")
            }
            if let problem = SurgeryDateProblem.check(surgery: day, today: today) { throw .usage(problem.description) }
            try shell.append(.profileChanged(field: "surgery", value: day.iso, on: today), to: patient)
            return "Surgery date set to \(day) — today is \(RecoveryDay(surgery: day, on: today).phrase)."
        case "procedure":
            guard let p = Procedure(rawValue: value.lowercased()) else {
                let hint = Suggestion.closest(to: value, in: Procedure.allCases.map(\.rawValue)).map { " — did you mean '\($0)'?" } ?? "."
                throw .usage("'\(value)' is not a procedure rehab knows\(hint) Use lumbar-fusion, cervical-fusion or lumbar-disc-replacement.")
            }
            let current = try shell.record(of: patient)
            try shell.append(.profileChanged(field: "procedure", value: p.rawValue, on: today), to: patient)
            if current.profile.program == nil || current.program == nil {
                let copy = try shell.programCopy(p.defaultProgram)
                try shell.append(.programAssigned(copy), to: patient)
                return "Procedure set to \(p.rawValue); following the shipped '\(copy.name)' program."
            }
            return "Procedure set to \(p.rawValue)."
        case "program":
            let copy = try shell.programCopy(value)
            try shell.append(.profileChanged(field: "program", value: value, on: today), to: patient)
            try shell.append(.programAssigned(copy), to: patient)
            return "Program set to '\(copy.name)' (a copy is kept, so later edits to the file do not change your history)."
        case "levels":
            guard value.count <= 40, !value.contains(where: { $0.isNewline }) else { throw .usage("levels are short, like L4-L5 or C5-C6.") }
            try shell.append(.profileChanged(field: "levels", value: value, on: today), to: patient)
            return "Levels set to \(value)."
        case "unit":
            guard let u = Weight.Unit(rawValue: value.lowercased()) else { throw .usage("the unit is 'lb' or 'kg'; type for example 'profile set unit kg'.") }
            try shell.append(.profileChanged(field: "unit", value: u.rawValue, on: today), to: patient)
            return "Weights will be shown in \(u.rawValue)."
        case "emergency-number":
            guard (2...15).contains(value.count), value.allSatisfy(\.isASCIIDigitOrPlus) else {
                throw .usage("an emergency number is 2 to 15 digits, such as 911, 112 or 999; type for example 'profile set emergency-number 112'.")
            }
            try shell.append(.profileChanged(field: "emergency-number", value: value, on: today), to: patient)
            return "Emergency number set to \(value); every emergency message will say to call \(value)."
        case "name":
            guard value != "?", value.count <= 64 else { throw .usage("a name has 1 to 64 characters.") }
            try shell.append(.profileChanged(field: "name", value: value, on: today), to: patient)
            return "Name set to \(value)."
        default:
            let fields = ["surgery", "procedure", "program", "levels", "unit", "name", "emergency-number"]
            let hint = Suggestion.closest(to: field, in: fields).map { " — did you mean '\($0)'?" } ?? "."
            throw .usage("the profile has no field '\(field)'\(hint) Fields: \(fields.joined(separator: ", ")).")
        }
    }
}

enum ProfileText {
    static func render(_ p: Profile, patient: String) -> String {
        var out = "Patient: \(patient)\n"
        if let n = p.name { out += "Name: \(n)\n" }
        out += "Surgery: \(p.surgery?.iso ?? "not set")\n"
        out += "Procedure: \(p.procedure?.rawValue ?? "not set")\n"
        if let l = p.levels { out += "Levels: \(l)\n" }
        out += "Program: \(p.program ?? p.procedure?.defaultProgram ?? "not set")\n"
        out += "Units: \(p.unit.rawValue)\n"
        out += "Emergency number: \(p.emergencyNumber)\n"
        return out
    }
}

extension Character {
    var isASCIIDigitOrPlus: Bool { ("0"..."9").contains(self) || self == "+" }
}
