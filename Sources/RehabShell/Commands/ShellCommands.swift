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
        "timer", group: .shell, usage: "timer SECONDS [LABEL]",
        summary: "Count down a hold or rest; Ctrl-C stops it and returns to the prompt.", example: "timer 30 hold"
    ) { shell, args throws(CommandError) in
        guard let first = args.words.first, let seconds = Int(first), seconds > 0 else {
            throw .usage("timer needs a number of seconds; type for example 'timer 30'.")
        }
        guard seconds <= 3600 else { throw .usage("a timer can run for at most 3600 seconds (one hour); type a smaller number.") }
        if let advice = shell.openEmergency() {
            shell.say(shell.style(advice, "1;31"))
            throw .failed("the timer did not run: no exercise is coached while an emergency is open.")
        }
        let label = args.words.dropFirst().joined(separator: " ")
        let completed = Countdown(shell: shell).run(seconds: seconds, label: label.isEmpty ? "Timer" : label)
        if !completed { shell.say("Stopped.") }
    }
}

extension CommandTable {
    /// Every command rehab knows, in help order.
    public static let standard = CommandTable([
        .status, .start, .log,
        .allowed, .can, .why, .next,
        .clear, .clearances, .restrict, .orders, .flag, .flags, .resolve, .advance, .regress,
        .profile, .patients, .patient,
        .check, .preview, .graph, .program, .programs,
        .help, .timer, .quit,
    ])
}
