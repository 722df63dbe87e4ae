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
        for path in paths {
            let loaded = fix ? try CheckFix.run(shell, path) { ProgramLoader.load(path, from: FileSources()) }
                : ProgramLoader.load(path, from: FileSources())
            diagnostics += loaded.diagnostics
            sources.merge(loaded.sources) { first, _ in first }
            let e = loaded.diagnostics.filter { $0.severity == .error }.count
            let w = loaded.diagnostics.count - e
            errors += e
            let expectations = loaded.draft.expectations.reduce(0) { $0 + $1.items.count }
            if e == 0 {
                shell.say("\(path): ok — \(loaded.sources.count) file\(loaded.sources.count == 1 ? "" : "s"), \(loaded.draft.phases.count) phases, "
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
        "preview", group: .programs, usage: "preview PROGRAM [--week N] [--cleared WHAT]…",
        summary: "What a patient on a program may do in week N (default: every week).",
        example: "preview lumbar-fusion --week 8 --cleared lifting",
        arguments: .from(.programs), options: [.value("week", "N"), .value("cleared", "TOPIC", from: .clearances), "json"]
    ) { shell, args throws(CommandError) in
        guard let word = args.words.first else { throw .usage("preview needs a program; type for example 'preview lumbar-fusion --week 4'.") }
        let (program, _) = try shell.loadProgram(word, runExpectations: false)
        let cleared = args.option("cleared").map { $0.split(separator: ",").map(String.init) } ?? []
        for c in cleared where !program.clearanceNames.contains(c) && !program.activities.map(\.name).contains(c) {
            let hint = Suggestion.closest(to: c, in: program.clearanceNames).map { " — did you mean '\($0)'?" } ?? "."
            throw .usage("the program never mentions a clearance '\(c)'\(hint)")
        }
        if let w = args.option("week") {
            guard let week = Int(w), week >= 0, week <= 520 else { throw .usage("--week takes a week number from 0 to 520, such as --week 6.") }
            let a = ExpectationRunner.assessment(program, week: week, cleared: cleared, surgery: shell.settings.today.adding(days: -7 * week))
            if args.json { shell.say(JSONOutput.allowed(a)); return }
            shell.console.write(AssessmentText(shell: shell).week(a, cleared: cleared))
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
            let loaded = ProgramLoader.load(path, from: FileSources(), runExpectations: false)
            shell.say("\(n)  \(loaded.draft.name)")
        }
    }
}
