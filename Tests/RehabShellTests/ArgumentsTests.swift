import Testing
@testable import RehabShell

@Suite("Arguments.parse")
struct ArgumentsTests {
    let valued: Set<String> = ["week", "cleared", "on"]

    @Test("--week 4 and --week=4 give the same value", arguments: [["--week", "4"], ["--week=4"]])
    func valuedOption(_ raw: [String]) throws {
        let a = try Arguments.parse(raw, valued: valued)
        #expect(a.options == ["week": "4"])
        #expect(a.words.isEmpty)
        #expect(a.flags.isEmpty)
    }

    @Test("words, flags and options mixed keep the words in order")
    func mixed() throws {
        let a = try Arguments.parse(["can", "--json", "lift", "--week", "4", "15", "lb"], valued: valued)
        #expect(a.words == ["can", "lift", "15", "lb"])
        #expect(a.flags == ["json"])
        #expect(a.json)
        #expect(a.options == ["week": "4"])
    }

    @Test("a value can itself start with dashes")
    func valueWithDashes() throws {
        let a = try Arguments.parse(["--on", "--json"], valued: valued)
        #expect(a.options == ["on": "--json"])
        #expect(a.flags.isEmpty)
    }

    @Test("a valued option at the end without its value is a usage error")
    func missingValue() {
        #expect(throws: CommandError.usage("--week needs a value; type 'help' to see how to use it.")) {
            try Arguments.parse(["allowed", "--week"], valued: valued)
        }
    }

    @Test("a repeated --cleared keeps every value, joined by commas")
    func repeated() throws {
        let a = try Arguments.parse(["--cleared", "driving", "--cleared=lifting", "--cleared", "running"], valued: valued)
        #expect(a.options["cleared"] == "driving,lifting,running")
    }

    @Test("single dashes and a bare -- are words")
    func dashes() throws {
        let a = try Arguments.parse(["-3", "--", "-"], valued: valued)
        #expect(a.words == ["-3", "--", "-"])
        #expect(a.flags.isEmpty && a.options.isEmpty)
    }

    @Test("--week= gives an empty value, not the next word")
    func emptyValue() throws {
        let a = try Arguments.parse(["--week=", "4"], valued: valued)
        #expect(a.options["week"] == "")
        #expect(a.words == ["4"])
    }
}
