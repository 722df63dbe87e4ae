import RehabCore
import RehabScript

extension Command {
    static let prescribe = Command(
        "prescribe", group: .orders, usage: "prescribe CATEGORY EXERCISE DOSE… by WHO",
        summary: "Therapist: fill in an item the program leaves to you (\"as prescribed by your therapist\") for this patient.",
        example: "prescribe resistance-training band-rows 3 x 10 by \"Sam PT\"",
        arguments: .from(.categories, then: .from(.exercises, then: .words(["by"])))
    ) { shell, args throws(CommandError) in
        let (words, by) = try TherapistChoice.split(args.words, example: "prescribe resistance-training band-rows 3 x 10 by \"Sam PT\"")
        let v = try shell.patientView()
        // The program as written: a category already filled in for this patient may be filled in again.
        let program = try shell.patientProgram(v.record)
        let categories = program.categories
        guard let category = words.first?.lowercased() else {
            throw .usage("say which item, exercise and dose; type for example "
                         + "'prescribe resistance-training band-rows 3 x 10 by \"Sam PT\"'.")
        }
        guard categories.contains(category) else {
            let known = categories.isEmpty ? " Your program leaves no item to the therapist."
                : " Its items are: \(categories.joined(separator: ", "))."
            let hint = Suggestion.closest(to: category, in: categories).map { " — did you mean '\($0)'?" } ?? "."
            throw .usage("your program has no item '\(Excerpt.of(category))' to prescribe\(hint)\(known)")
        }
        guard words.count >= 2 else {
            throw .usage("say which exercise and dose; type for example 'prescribe \(category) band-rows 3 x 10 by \"\(by)\"'.")
        }
        let exercise = words[1].lowercased()
        guard let chosen = program.exercise(exercise) else {
            let hint = Suggestion.closest(to: exercise, in: program.exercises.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
            throw .usage("your program has no exercise '\(Excerpt.of(exercise))'\(hint); type 'show exercises' to see them.")
        }
        let doseWords = words.dropFirst(2).joined(separator: " ")
        guard !doseWords.isEmpty else {
            throw .usage("give the dose after the exercise; type for example 'prescribe \(category) \(exercise) 3 x 10 by \"\(by)\"'.")
        }
        let dose: Dose
        switch DoseReader.read(doseWords) {
        case .success(let d): dose = d
        case .failure(.grows):
            throw .usage("a dose prescribed here does not grow week by week; give this week's dose, such as '3 x 10'.")
        case .failure(.notADose(let why)):
            throw .usage("'\(Excerpt.of(doseWords))' is not a dose (\(why)); write it as in a program, such as '3 x 10, light band'.")
        }
        let choice = CategoryChoice(category: category, exercise: exercise, dose: dose, by: by, on: shell.settings.today)
        try shell.append(.categoryPrescribed(choice), to: v.name)
        let item = CategoryItem(category: category)
        shell.say("Recorded: \(item.title.lowercased()) is now \(chosen.name), \(dose.text), prescribed by \(by) on \(choice.on).")
        // Recorded as the therapist decided; the rules in force still decide whether it can be done today.
        let now = shell.assessment(try shell.patientView()).exercise(exercise)
        if !now.allowed { shell.say("Not today, though: \(now.reason)") }
    }

    static let met = Command(
        "met", group: .orders, usage: "met GOAL by WHO",
        summary: "Therapist: record that the patient met one of the program's goals; phases that require it may open.",
        example: "met lift-20-lb by \"Sam PT\"",
        arguments: .from(.goals, then: .words(["by"]))
    ) { shell, args throws(CommandError) in
        let (words, by) = try TherapistChoice.split(args.words, example: "met lift-20-lb by \"Sam PT\"")
        let v = try shell.patientView()
        let goals = v.program.goals.map(\.id)
        guard let id = words.first?.lowercased(), words.count == 1 else {
            throw .usage("name one goal; type for example 'met lift-20-lb by \"Sam PT\"'.")
        }
        guard let goal = v.program.goal(id) else {
            let hint = Suggestion.closest(to: id, in: goals).map { " — did you mean '\($0)'?" } ?? "."
            let known = goals.isEmpty ? " Your program names no goals." : " Its goals are: \(goals.joined(separator: ", "))."
            throw .usage("your program has no goal '\(Excerpt.of(id))'\(hint)\(known)")
        }
        let before = shell.assessment(v)
        try shell.append(.goalMet(GoalMet(goal: goal.id, by: by, on: shell.settings.today)), to: v.name)
        shell.say("Recorded: goal '\(goal.text)' met, by \(by) on \(shell.settings.today).")
        let after = shell.assessment(try shell.patientView())
        if after.state != before.state { shell.say("Now: \(after.phaseLabel).") }
    }
}

/// The `by WHO` a therapist's choice must end with.
enum TherapistChoice {
    static func split(_ words: [String], example: String) throws(CommandError) -> (words: [String], by: String) {
        guard let k = words.lastIndex(where: { $0.lowercased() == "by" }), k + 1 < words.count else {
            throw .usage("say which therapist decided, at the end; type for example '\(example)'.")
        }
        let who = words[(k + 1)...].joined(separator: " ").trimmingSpaces
        guard !who.isEmpty, who.count <= 80 else { throw .usage("say who, as in 'by \"Sam PT\"', in at most 80 characters.") }
        return (Array(words[..<k]), who)
    }
}
