import Testing
@testable import RehabShell

@Suite("Arguments.parse")
struct ArgumentsTests {
    let declared: [CommandOption] = [.value("week", "N"), .value("cleared", "TOPIC"), .value("on", "YYYY-MM-DD"), "json"]

    func parse(_ raw: [String]) throws -> Arguments { try Arguments.parse(raw, command: "allowed", declared: declared) }

    @Test("--week 4 and --week=4 give the same value", arguments: [["--week", "4"], ["--week=4"]])
    func valuedOption(_ raw: [String]) throws {
        let a = try parse(raw)
        #expect(a.option("week") == "4")
        #expect(a.words.isEmpty)
        #expect(!a.json)
    }

    @Test("words, flags and options mixed keep the words in order")
    func mixed() throws {
        let a = try parse(["can", "--json", "lift", "--week", "4", "15", "lb"])
        #expect(a.words == ["can", "lift", "15", "lb"])
        #expect(a.json)
        #expect(a.option("week") == "4")
        #expect(a.reads.names == ["json", "week"])
    }

    @Test("a flag never swallows the word after it")
    func flagTakesNothing() throws {
        let a = try parse(["--json", "lift"])
        #expect(a.words == ["lift"])
    }

    @Test("a value can itself start with dashes")
    func valueWithDashes() throws {
        let a = try parse(["--on", "--json"])
        #expect(a.option("on") == "--json")
        #expect(!a.json)
    }

    @Test("a valued option at the end without its value is a usage error")
    func missingValue() {
        #expect(throws: CommandError.usage("--week N needs a value; type 'help allowed' to see how to use it.")) {
            try parse(["--week"])
        }
    }

    @Test("an option the command does not declare, or a flag given a value, is one sentence")
    func undeclared() {
        #expect(throws: CommandError.usage("'allowed' has no option --patients; type 'help allowed' to see how to use it.")) {
            try parse(["--patients"])
        }
        #expect(throws: CommandError.usage("--json takes no value; type just --json.")) { try parse(["--json=yes"]) }
    }

    @Test("--help is understood after any command")
    func help() throws {
        #expect(try parse(["--help"]).wantsHelp)
    }

    @Test("a repeated --cleared keeps every value, joined by commas")
    func repeated() throws {
        let a = try parse(["--cleared", "driving", "--cleared=lifting", "--cleared", "running"])
        #expect(a.option("cleared") == "driving,lifting,running")
    }

    @Test("single dashes and a bare -- are words")
    func dashes() throws {
        let a = try parse(["-3", "--", "-"])
        #expect(a.words == ["-3", "--", "-"])
    }

    @Test("--week= gives an empty value, not the next word")
    func emptyValue() throws {
        let a = try parse(["--week=", "4"])
        #expect(a.option("week") == "")
        #expect(a.words == ["4"])
    }
}
