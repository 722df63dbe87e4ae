import RehabCore

/// Splits a command line into words, keeping "quoted text" together.
///
/// Patients type notes and doctor names with spaces (`by "Dr Lee"`), so quotes group words;
/// an unclosed quote simply runs to the end of the line rather than failing.
public enum Tokenizer {
    public static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
                continue
            }
            if ch == "\"" || ch == "'" {
                quote = ch; inWord = true
            } else if ch == " " || ch == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(ch); inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// Splits `-c` text into commands at semicolons outside quotes, and at every line break (a
    /// command is one line, as in a script; an open quote ends with its line).
    public static func commands(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for ch in text {
            if ch.isNewline {
                parts.append(current); current = ""; quote = nil
            } else if let q = quote {
                if ch == q { quote = nil }
                current.append(ch)
            } else if ch == "\"" || ch == "'" {
                quote = ch; current.append(ch)
            } else if ch == ";" {
                parts.append(current); current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        return parts.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
}
