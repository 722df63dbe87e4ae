import Testing
@testable import RehabShell

/// Stated limits on what one line, word, note or `by` may hold (issue 11, rows 6 and 11).
@Suite struct TextLimitsTests {
    @Test("a line over 4,096 bytes is refused before it is split into words")
    func line() {
        #expect(throws: CommandError.self) { try TextLimits.check(line: String(repeating: "x", count: 4097)) }
        #expect(throws: Never.self) { try TextLimits.check(line: String(repeating: "x", count: 4096)) }
    }

    @Test("notes up to 1,000 characters, 'by' up to 100, other words up to 200")
    func words() throws {
        func check(_ words: [String]) throws(CommandError) {
            try TextLimits.check(words: words, arguments: try Arguments.parse(Array(words.dropFirst()), command: words[0],
                                                                                declared: [.value("note", "TEXT")]))
        }
        #expect(throws: Never.self) { try check(["log", "pain", "3", "--note", String(repeating: "n", count: 1000)]) }
        #expect(throws: CommandError.self) { try check(["log", "pain", "3", "--note", String(repeating: "n", count: 1001)]) }
        #expect(throws: Never.self) { try check(["clear", "lifting", "by", String(repeating: "b", count: 100)]) }
        #expect(throws: CommandError.self) { try check(["clear", "lifting", "by", String(repeating: "b", count: 101)]) }
        #expect(throws: CommandError.self) { try check(["why", String(repeating: "w", count: 201)]) }
        #expect(throws: CommandError.self) { try check(["can", "lift", "a\nb\nc"]) }
    }

    @Test("a refusal quotes at most a short excerpt")
    func excerpt() {
        do {
            try TextLimits.check(words: ["why", String(repeating: "w", count: 3000)],
                                 arguments: Arguments(words: [String(repeating: "w", count: 3000)]))
            Issue.record("not refused")
        } catch {
            #expect(error.message.count < 200, "\(error.message)")
        }
    }

    @Test func grouping() {
        #expect(TextLimits.grouped(1_048_576) == "1,048,576")
        #expect(TextLimits.grouped(999) == "999")
        #expect(TextLimits.grouped(1000) == "1,000")
    }
}

/// `-c` text: commands end at semicolons outside quotes and at every line break.
@Suite struct CommandSplitTests {
    @Test func lineBreaksEndCommands() {
        #expect(Tokenizer.commands("status\nnext; can lift 'a;b'\n") == ["status", "next", "can lift 'a;b'"])
        #expect(Tokenizer.commands("log pain 3 --note \"open\nstatus") == ["log pain 3 --note \"open", "status"])
    }
}
