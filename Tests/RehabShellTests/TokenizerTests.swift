import Testing
@testable import RehabShell

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("words", arguments: [
        ("can lift 15 lb", ["can", "lift", "15", "lb"]),
        ("  can   lift\t15    lb  ", ["can", "lift", "15", "lb"]),
        ("note \"my back hurts\" today", ["note", "my back hurts", "today"]),
        ("order by 'Dr Lee'", ["order", "by", "Dr Lee"]),
        ("say \"it's fine\"", ["say", "it's fine"]),
        ("a\"b c\"d", ["ab cd"]),
        ("note \"hurts a bit", ["note", "hurts a bit"]),   // unclosed quote runs to the end
        ("note '", ["note", ""]),
        ("x \"\" y", ["x", "", "y"]),
        ("", []),
        ("   ", []),
    ])
    func words(_ line: String, _ expected: [String]) {
        #expect(Tokenizer.words(line) == expected)
    }

    @Test("commands split at ';' outside quotes", arguments: [
        ("help; quit", ["help", "quit"]),
        ("help;quit", ["help", "quit"]),
        ("note \"a; b\"; quit", ["note \"a; b\"", "quit"]),
        ("note 'x;y' ; help", ["note 'x;y'", "help"]),
        (";; help ;", ["help"]),
        ("help", ["help"]),
        ("", []),
        ("  ;  ", []),
        ("note \"unclosed; still one", ["note \"unclosed; still one"]),
    ])
    func commands(_ text: String, _ expected: [String]) {
        #expect(Tokenizer.commands(text) == expected)
    }
}
