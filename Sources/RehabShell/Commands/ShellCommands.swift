import RehabCore

extension Command {
    static let help = Command(
        "help", aliases: ["?"], group: .shell, usage: "help [COMMAND]",
        summary: "List every command, or show how to use one.", example: "help can",
        arguments: .from(.commands)
    ) { shell, args throws(CommandError) in
        guard let name = args.words.first else {
            shell.console.write(shell.table.helpText)
            return
        }
        guard let command = shell.table.command(named: name) else { throw shell.table.unknown(name) }
        shell.console.write(shell.table.help(for: command))
    }

    static let quit = Command(
        "quit", aliases: ["exit", "q"], group: .shell, usage: "quit",
        summary: "Leave rehab (Ctrl-D does the same).", example: "quit"
    ) { shell, _ throws(CommandError) in
        shell.wantsExit = true
    }

    static let timer = Command(
        "timer", group: .shell, usage: "timer TIME [LABEL] [--quiet]",
        summary: "Count down a hold or rest (30, 30 s, 1 min, 1:30, 2 min 30 s); Ctrl-C stops it and returns to the prompt.",
        example: "timer 30 hold", options: ["quiet"]
    ) { shell, args throws(CommandError) in
        // The words first: a mistyped time is answered without opening the journal (scripts create no files).
        let reading = try TimerDuration.read(args.words)
        if let advice = shell.openEmergency() {
            shell.say(shell.style(advice, "1;31"))
            throw .failed("the timer did not run: no exercise is coached while an emergency is open.")
        }
        let label = reading.rest.joined(separator: " ")
        let completed = Countdown(shell: shell).run(seconds: reading.duration.seconds, label: label.isEmpty ? "Timer" : label,
                                                    quiet: args.flag("quiet"))
        if !completed { shell.say("Stopped.") }
    }
}

extension CommandTable {
    /// Every command rehab knows, in help order.
    public static let standard = CommandTable([
        .status, .start, .log,
        .allowed, .can, .why, .next,
        .clear, .clearances, .restrict, .orders, .flag, .flags, .resolve, .advance, .regress,
        .prescribe, .met,
        .profile, .patients, .patient,
        .check, .preview, .graph, .program, .programs,
        .help, .timer, .quit,
        .routines, .routine, .show, .due, .measure, .progress, .export, .importRecord, .roster, .handout,
    ])
}
