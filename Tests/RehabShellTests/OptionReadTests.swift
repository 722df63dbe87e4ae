import Testing
@testable import RehabShell

/// Every option a command declares is one it reads: a declared option no command looks at would be accepted and
/// silently ignored, which is worse than refused.
@Suite struct OptionReadTests {
    /// One line per use; together they give every declared option of the standard table.
    static let lines = [
        "status --json", "allowed --week 3 --json", "allowed --on 2026-03-01", "can lift 5 lb --json --week 3",
        "can twist --on 2026-03-01", "next --json", "why walking", "log pain 2 walking --note fine", "log pain 2 bridges --anyway",
        "clear outpatient-pt --note seen", "restrict driving until week 8 --note \"at visit\"", "flag fever --note 38.5",
        "resolve fever --note better", "start --quick", "preview lumbar-fusion --week 3 --cleared lifting --json",
        "graph lumbar-fusion --format mermaid", "program show lumbar-fusion --json", "program use lumbar-fusion --yes", "routine log-roll-out-of-bed --print",
        "timer 5 --quiet", "measure odi 1 1 1 1 1 1 1 1 1 1 --note x", "progress --width 40", "progress --table",
        "export --format csv", "roster --json", "roster --width 40", "handout --week 3 --out /dev/null/x",
        "check --fix /dev/null/missing.rehab",
    ]

    @Test func everyDeclaredOptionIsRead() throws {
        let rig = Rig(programs: true)
        try rig.shell.execute("profile set surgery 2026-02-01")
        try rig.shell.execute("profile set procedure lumbar-fusion")
        var read: [String: Set<String>] = [:]
        for line in Self.lines {
            rig.shell.lastArguments = nil
            _ = rig.error(line)
            guard let name = Tokenizer.words(line).first, let args = rig.shell.lastArguments else {
                Issue.record("'\(line)' did not parse: \(rig.error(line)?.message ?? "")")
                continue
            }
            read[name, default: []].formUnion(args.reads.names)
        }
        for command in CommandTable.standard.commands {
            for option in command.options {
                #expect(read[command.name]?.contains(option.name) == true,
                        "'\(command.name)' declares --\(option.name) but no line here used it, or the command never read it")
            }
        }
    }

    @Test func helpAfterAnyCommandShowsItsHelp() throws {
        let rig = Rig()
        try rig.shell.execute("can --help")
        #expect(rig.console.output.hasPrefix("usage: can "))
        #expect(rig.console.output.contains("options: --json  --week N  --on YYYY-MM-DD"))
    }

    @Test func profileAndPatientsNoLongerAcceptAnIgnoredJSONFlag() {
        let rig = Rig()
        #expect(rig.error("patients --json")?.message.contains("has no option --json") == true)
        #expect(rig.error("profile --json")?.message.contains("has no option --json") == true)
    }
}
