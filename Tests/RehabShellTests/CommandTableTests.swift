import Testing
import RehabCore
@testable import RehabShell

@Suite("CommandTable")
struct CommandTableTests {
    let table = CommandTable.standard

    @Test("lookup by name, alias and any case", arguments: [
        ("help", "help"), ("HELP", "help"), ("?", "help"), ("timer", "timer"), ("Timer", "timer"),
        ("quit", "quit"), ("exit", "quit"), ("q", "quit"), ("EXIT", "quit"),
    ])
    func lookup(_ word: String, _ expected: String) {
        #expect(table.command(named: word)?.name == expected)
    }

    @Test("unknown words find nothing", arguments: ["", "tim", "helpx", "quitt", "h"])
    func lookupMiss(_ word: String) {
        #expect(table.command(named: word) == nil)
    }

    @Test("unknown() suggests the closest command")
    func unknownSuggests() {
        let e = table.unknown("timr")
        #expect(e.kind == .usage)
        #expect(e.message == "unknown command 'timr' — did you mean 'timer'?")
        #expect(table.unknown("hlep").message.contains("did you mean 'help'?"))
        #expect(table.unknown("quti").message.contains("did you mean 'quit'?"))
    }

    @Test("unknown() without a near word points at help")
    func unknownFar() {
        let e = table.unknown("xylophone")
        #expect(e.kind == .usage)
        #expect(e.message == "unknown command 'xylophone'; type 'help' to see every command.")
        #expect(!e.message.contains("did you mean"))
    }

    @Test("unknown() also suggests aliases")
    func unknownSuggestsAliases() {
        let t = CommandTable([
            Command("allowed", aliases: ["restrictions"], group: .questions, usage: "allowed", summary: "s", example: "allowed") { _, _ throws(CommandError) in },
        ])
        #expect(t.unknown("restrictons").message.contains("did you mean 'restrictions'?"))
    }

    @Test("the help screen lists every command exactly once, under its group")
    func helpListsEveryCommandOnce() {
        let text = table.helpText
        let lines = text.split(separator: "\n").map(String.init)
        for command in table.commands {
            let rows = lines.filter { $0.hasPrefix("  \(command.name) ") }
            #expect(rows.count == 1, "'\(command.name)' appears \(rows.count) times")
            #expect(rows.first?.hasSuffix(command.summary) == true)
        }
        #expect(lines.contains("The shell:"))
        #expect(text.hasSuffix("Type 'help COMMAND' for how to use one, with an example. Tab completes commands and their words.\n"))
        // Aliases are not listed as commands.
        #expect(!lines.contains { $0.hasPrefix("  exit ") || $0.hasPrefix("  ? ") })
    }

    @Test("help screen summaries line up in one column")
    func helpAligned() {
        let rows = table.helpText.split(separator: "\n").filter { $0.hasPrefix("  ") }
        let columns = Set(rows.compactMap { row -> Int? in
            let name = row.dropFirst(2).prefix { $0 != " " }
            let rest = row.dropFirst(2 + name.count)
            return 2 + name.count + rest.prefix { $0 == " " }.count
        })
        #expect(columns.count == 1, "summary columns: \(columns)")
    }

    @Test("every command's help has usage, summary and example", arguments: CommandTable.standard.commands.map(\.name))
    func helpForCommand(_ name: String) throws {
        let command = try #require(table.command(named: name))
        let text = table.help(for: command)
        #expect(text.hasPrefix("usage: \(command.usage)\n"))
        #expect(text.contains(command.summary))
        #expect(text.contains("example: \(command.example)\n"))
        #expect(!command.example.isEmpty && !command.usage.isEmpty)
    }

    @Test("help for a command with aliases and options names them")
    func helpAliasesAndOptions() throws {
        let quit = try #require(table.command(named: "quit"))
        #expect(table.help(for: quit).contains("also: exit, q\n"))
        let t = CommandTable([
            Command("allowed", group: .questions, usage: "allowed [--week N]", summary: "What is allowed.", example: "allowed --week 4",
                    options: [.value("week", "N"), "json"]) { _, _ throws(CommandError) in },
        ])
        #expect(t.help(for: t.commands[0]) == "usage: allowed [--week N]\nWhat is allowed.\noptions: --week N  --json\nexample: allowed --week 4\n")
    }

    @Test("the help command prints the screen, or one command's help, or an unknown-command error")
    func helpCommand() {
        let rig = Rig()
        #expect(rig.run(["help"]) == 0)
        #expect(rig.console.output == CommandTable.standard.helpText)

        let one = Rig()
        #expect(one.run(["help timer"]) == 0)
        #expect(one.console.output.hasPrefix("usage: timer TIME [LABEL] [--quiet]\n"))
        #expect(one.console.output.contains("example: timer 30 hold\n"))

        let bad = Rig()
        #expect(bad.error("help timr")?.message == "unknown command 'timr' — did you mean 'timer'?")
    }

    @Test("an option a command does not take is a usage error naming it")
    func unknownOption() {
        let rig = Rig()
        let e = rig.error("help --json")
        #expect(e?.kind == .usage)
        #expect(e?.message == "'help' has no option --json; type 'help help' to see how to use it.")
    }
}
