import Testing
@testable import RehabShell

@Suite("Completer")
struct CompleterTests {
    static func noop(_: Shell, _: Arguments) throws(CommandError) {}

    /// A made-up table exercising every kind of completion node.
    static let table = CommandTable([
        Command("profile", group: .patients, usage: "profile [set FIELD VALUE | show | NAME]", summary: "p", example: "profile show",
                arguments: .branch([
                    "set": .words(["surgery", "procedure"], then: .from(.phases)),
                    "show": .end,
                ], otherwise: .from(.patients)),
                run: noop),
        Command("can", group: .questions, usage: "can VERB WEIGHT|OBJECT", summary: "c", example: "can lift 15 lb",
                arguments: .words(["lift", "carry"], then: .word(["15", "bag"], .objects, then: .from(.units))),
                options: [.value("week", "N"), "json"], run: noop),
        Command("check", aliases: ["lint"], group: .programs, usage: "check FILE…", summary: "k", example: "check a.rehab",
                arguments: .repeating(.from(.files)), options: ["json", .value("week", "N")], run: noop),
        Command("cleared", group: .orders, usage: "cleared", summary: "x", example: "cleared", run: noop),
    ])

    static var completer: Completer { Completer(table: table, source: words) }

    @Sendable static func words(_ source: CompletionSource) -> [String] {
        switch source {
        case .patients: return ["ann", "bob"]
        case .phases: return ["phase1", "phase2"]
        case .objects: return ["bag", "box", "basket"]
        case .units: return ["lb", "kg"]
        case .files: return ["a.rehab", "b.rehab"]
        default: return []
        }
    }

    @Test("command names complete from the first word", arguments: [
        ("", ["profile", "can", "check", "cleared"]),
        ("c", ["can", "check", "cleared"]),
        ("ch", ["check"]),
        ("cl", ["cleared"]),
        ("pro", ["profile"]),
        ("z", []),
    ])
    func names(_ line: String, _ expected: [String]) {
        #expect(Self.completer.candidates(line: line) == expected)
    }

    @Test("a complete command name with no space completes to itself")
    func exactName() {
        #expect(Self.completer.candidates(line: "check") == ["check"])
    }

    @Test("branch: keywords then the free words", arguments: [
        ("profile ", ["set", "show", "ann", "bob"]),
        ("profile s", ["set", "show"]),
        ("profile a", ["ann"]),
        ("profile set ", ["surgery", "procedure"]),
        ("profile set p", ["procedure"]),
        ("profile set surgery ", ["phase1", "phase2"]),
        ("profile set surgery phase1 ", []),
        ("profile show ", []),
        ("profile ann ", []),
    ])
    func branch(_ line: String, _ expected: [String]) {
        #expect(Self.completer.candidates(line: line) == expected)
    }

    @Test("word: fixed words and a dynamic source, without duplicates", arguments: [
        ("can ", ["lift", "carry"]),
        ("can l", ["lift"]),
        ("can lift ", ["15", "bag", "box", "basket"]),
        ("can lift b", ["bag", "box", "basket"]),
        ("can lift ba", ["bag", "basket"]),
        ("can lift bag ", ["lb", "kg"]),
        ("can lift 15 k", ["kg"]),
        ("can lift 15 kg ", []),
    ])
    func word(_ line: String, _ expected: [String]) {
        #expect(Self.completer.candidates(line: line) == expected)
    }

    @Test("repeating: the same words for every argument", arguments: [
        ("check ", ["a.rehab", "b.rehab"]),
        ("check a.rehab ", ["a.rehab", "b.rehab"]),
        ("check a.rehab b.rehab b", ["b.rehab"]),
        ("lint ", ["a.rehab", "b.rehab"]),         // through an alias
    ])
    func repeating(_ line: String, _ expected: [String]) {
        #expect(Self.completer.candidates(line: line) == expected)
    }

    @Test("a word starting with '-' completes the command's options", arguments: [
        ("check -", ["--json", "--week"]),
        ("check --", ["--json", "--week"]),
        ("check --j", ["--json"]),
        ("can lift --w", ["--week"]),
        ("profile -", []),
    ])
    func options(_ line: String, _ expected: [String]) {
        #expect(Self.completer.candidates(line: line) == expected)
    }

    @Test("typed options and their values are skipped when walking the arguments")
    func skipsOptions() {
        #expect(Self.completer.candidates(line: "can --week 4 lift ") == ["15", "bag", "box", "basket"])
        #expect(Self.completer.candidates(line: "check --week 4 ") == ["a.rehab", "b.rehab"])
        // A flag takes no value, so the word after it is the command's next argument, not skipped.
        #expect(Self.completer.candidates(line: "can --json lift ") == ["15", "bag", "box", "basket"])
    }

    @Test("a valued option's own words complete after it, from its declaration")
    func optionValues() {
        let rig = Rig()
        #expect(rig.shell.completer.candidates(line: "graph lumbar-fusion --format ") == ["dot", "mermaid"])
        #expect(rig.shell.completer.candidates(line: "graph lumbar-fusion --format m") == ["mermaid"])
    }

    @Test("an unknown command completes nothing")
    func unknownCommand() {
        #expect(Self.completer.candidates(line: "nosuch ").isEmpty)
        #expect(Self.completer.candidates(line: "nosuch -").isEmpty)
    }

    @Test("the standard table: 'tim' → timer, 'help ti' → timer, 'help ' → every command")
    func standard() {
        let rig = Rig()
        let c = rig.shell.completer
        #expect(c.candidates(line: "tim") == ["timer"])
        #expect(c.candidates(line: "help ti") == ["timer"])
        #expect(c.candidates(line: "help ") == CommandTable.standard.names)
        #expect(c.candidates(line: "q") == ["quit"])
        #expect(c.candidates(line: "timer ") == [])
    }
}
