import RehabCore
import RehabScript

extension Command {
    static let check = Command(
        "check", group: .programs, usage: "check FILE… [--fix]",
        summary: "Validate program files and run their 'expect' lines; errors show file:line:col. "
            + "--fix applies the suggested fixes to the files.",
        example: "check Programs/lumbar-fusion.rehab",
        arguments: .repeating(.from(.programs)), options: ["fix"]
    ) { shell, args throws(CommandError) in
        guard !args.words.isEmpty else { throw .usage("check needs a program file; type for example 'check Programs/lumbar-fusion.rehab'.") }
        var errors = 0
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]
        let fix = args.flag("fix")
        var paths: [String] = []
        for word in args.words { paths.append(try shell.programPath(word)) }
        if fix { try CheckFix.ensureFixable(paths) }
        let shipped = shell.settings.programsDir
        for path in paths {
            let loaded = fix ? try CheckFix.run(shell, path) { ProgramLoader.load(path, from: FileSources(), shippedFolder: shipped) }
                : ProgramLoader.load(path, from: FileSources(), shippedFolder: shipped)
            diagnostics += loaded.diagnostics
            sources.merge(loaded.sources) { first, _ in first }
            let e = loaded.diagnostics.filter { $0.severity == .error }.count
            let w = loaded.diagnostics.count - e
            errors += e
            let expectations = loaded.draft.expectations.reduce(0) { $0 + $1.items.count }
            if e == 0, loaded.isLibrary {
                let d = loaded.draft
                shell.say("\(path): library: \(d.exercises.count) exercises, \(d.routines.count) routines, "
                          + "\(d.redFlags.count) red flags"
                          + (d.activityWords.isEmpty ? "" : ", \(d.activityWords.count) activities")
                          + "; no errors" + (w > 0 ? ", \(w) warning\(w == 1 ? "" : "s")" : "")
                          + (loaded.externalNames.isEmpty ? ""
                              : "; defined by the programs that use it: " + loaded.externalNames.joined(separator: ", ")))
            } else if e == 0 {
                shell.say("\(path): ok — \(loaded.sources.count) file\(loaded.sources.count == 1 ? "" : "s"), \(loaded.draft.phases.count) phase\(loaded.draft.phases.count == 1 ? "" : "s"), "
                          + "\(expectations) expectations passed" + (w > 0 ? ", \(w) warning\(w == 1 ? "" : "s")" : ""))
            } else {
                shell.say("\(path): \(e) error\(e == 1 ? "" : "s")" + (w > 0 ? ", \(w) warning\(w == 1 ? "" : "s")" : ""))
            }
        }
        // Warnings of a passing check are shown too, through the same reporter; the status stays 0.
        if errors > 0 { throw .diagnostics(diagnostics, sources: sources) }
        if !diagnostics.isEmpty {
            shell.console.report(DiagnosticRenderer(sources: sources, colors: shell.console.colors)
                .render(diagnostics, limitPerFile: DiagnosticRenderer.errorsPerFile))
        }
    }

    static let preview = Command(
        "preview", group: .programs,
        usage: "preview PROGRAM [--week N] [--cleared WHAT]… [--all] | preview [--patient NAME] --week N [--all]",
        summary: "What a patient on a program may do in week N (default: every week); with a patient, their own "
            + "orders, clearances and dates.",
        example: "preview lumbar-fusion --week 8 --cleared lifting",
        arguments: .from(.programs),
        options: [.value("week", "N"), .value("cleared", "TOPIC", from: .clearances), "json", "all",
                  .value("patient", "NAME", from: .patients)]
    ) { shell, args throws(CommandError) in
        let cleared = args.option("cleared").map { $0.split(separator: ",").map(String.init) } ?? []
        let all = args.flag("all")
        let named = args.option("patient")
        guard let word = args.words.first, named == nil else {
            // A patient's preview: their program, orders, clearances and real dates.
            let v: Shell.PatientView
            if let named { v = try shell.patientView(named: named) } else { v = try shell.patientView() }
            var program = v.program
            if let w = args.words.first { program = try shell.loadProgram(w, runExpectations: false).0 }
            try PreviewCheck.clearances(cleared, in: program)
            var record = v.record
            for c in cleared { record.clearances.append(Clearance(topic: c, on: shell.settings.today)) }
            var week = RecoveryDay(surgery: v.surgery, on: shell.settings.today).week
            if let w = args.option("week") { week = try PreviewCheck.week(w) }
            let day = RecoveryDay.start(ofWeek: week, surgery: v.surgery)
            // A week still to come has no sessions yet: its gates are taken as met, as in the program's own preview.
            let a = Assessor.assess(program: program, record: record, surgery: v.surgery, on: day,
                                    assumeHistoryGatesMet: day > shell.settings.today)
            if args.json { shell.say(JSONOutput.allowed(a, record: record)); return }
            shell.say("\(v.record.profile.name ?? v.name):")
            shell.console.write(AssessmentText(shell: shell).week(a, cleared: cleared, record: record, all: all))
            return
        }
        let (program, _) = try shell.loadProgram(word, runExpectations: false)
        try PreviewCheck.clearances(cleared, in: program)
        if let w = args.option("week") {
            let week = try PreviewCheck.week(w)
            let a = ExpectationRunner.assessment(program, week: week, cleared: cleared)
            if args.json { shell.say(JSONOutput.allowed(a)); return }
            // A program alone has no calendar: its dates are said relative to surgery ("week 12"), not invented.
            shell.console.write(RelativeDates.strip(AssessmentText(shell: shell).week(a, cleared: cleared, all: all)))
            return
        }
        shell.console.write(PreviewTable.render(program, cleared: cleared))
    }

    static let graph = Command(
        "graph", group: .programs, usage: "graph PROGRAM [--format dot|mermaid]",
        summary: "The program's state machine for Graphviz (dot) or Mermaid.",
        example: "graph lumbar-fusion --format mermaid",
        arguments: .from(.programs, then: .end), options: [.value("format", "dot|mermaid", words: ["dot", "mermaid"])]
    ) { shell, args throws(CommandError) in
        guard let word = args.words.first else { throw .usage("graph needs a program; type for example 'graph lumbar-fusion'.") }
        let (program, _) = try shell.loadProgram(word, runExpectations: false)
        switch args.option("format") ?? "dot" {
        case "dot": shell.console.write(ProgramGraph.dot(program))
        case "mermaid": shell.console.write(ProgramGraph.mermaid(program))
        case let other: throw .usage("there is no graph format '\(other)'; use --format dot or --format mermaid.")
        }
    }

    static let program = Command(
        "program", group: .programs, usage: "program show PROGRAM [--json] | program use PROGRAM|FILE [--yes] | program history",
        summary: "Show a parsed program; put the current patient on another program (what changes is shown first); "
            + "list the versions they followed.",
        example: "program use Programs/lumbar-fusion-lee.rehab",
        arguments: .branch(["show": .from(.programs), "use": .from(.programs), "history": .end], otherwise: nil),
        options: ["json", "yes"]
    ) { shell, args throws(CommandError) in
        switch (args.words.first, args.words.count) {
        case ("show", 2):
            let (program, _) = try shell.loadProgram(args.words[1], runExpectations: false)
            if args.json {
                shell.say(JSONOutput.program(program))
            } else {
                shell.console.write(ProgramSummary.render(program))
            }
        case ("use", 2): try ProgramUse.run(shell, word: args.words[1], yes: args.flag("yes"))
        case ("history", 1): try ProgramUse.history(shell)
        default:
            throw .usage("type 'program show PROGRAM', 'program use FILE' or 'program history', "
                         + "for example 'program show lumbar-fusion --json'.")
        }
    }

    static let programs = Command(
        "programs", group: .programs, usage: "programs",
        summary: "List the shipped programs.", example: "programs"
    ) { shell, _ throws(CommandError) in
        let names = shell.shippedProgramNames
        if names.isEmpty { shell.say("No shipped programs were found (set REHAB_PROGRAMS to their folder)."); return }
        for n in names {
            let path = (shell.settings.programsDir ?? ".") + "/" + n + ".rehab"
            let loaded = ProgramLoader.load(path, from: FileSources(), shippedFolder: shell.settings.programsDir,
                                            runExpectations: false)
            shell.say("\(n)  \(loaded.draft.name)")
        }
    }
}

/// The checks `preview` makes of its options, shared by the program and the patient forms.
enum PreviewCheck {
    static func week(_ w: String) throws(CommandError) -> Int {
        guard let week = Int(w), week >= 0, week <= 520 else {
            throw .usage("--week takes a week number from 0 to 520, such as --week 6.")
        }
        return week
    }

    static func clearances(_ cleared: [String], in program: Program) throws(CommandError) {
        for c in cleared where !program.clearanceNames.contains(c) && !program.activities.map(\.name).contains(c) {
            let hint = Suggestion.closest(to: c, in: program.clearanceNames).map { " — did you mean '\($0)'?" } ?? "."
            throw .usage("the program never mentions a clearance '\(c)'\(hint)")
        }
    }
}
