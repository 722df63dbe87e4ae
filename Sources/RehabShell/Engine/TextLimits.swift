import RehabScript

/// How much text rehab takes in one go, stated once and checked where lines are read and words
/// are split into options, so a megabyte pasted by mistake is refused at once with one sentence
/// instead of being searched for "did you mean", echoed back, or stored.
public enum TextLimits {
    /// Bytes of one input line (a typed or piped line, one `-c` command, or the words of a one-shot command).
    public static let line = 4096
    /// Characters of any one word: a command, an exercise, a number, a date, a quoted phrase.
    public static let word = 200
    /// Characters of a `--note`.
    public static let note = 1000
    /// Characters of who gave an order (`by "Dr Lee"`).
    public static let by = 100

    /// Refuses a line over ``line`` bytes, before it is split into words.
    static func check(line text: String) throws(CommandError) {
        if text.utf8.count > line {
            throw .usage("that line is longer than \(grouped(line)) bytes, the most rehab reads in one line; "
                + "type a shorter one.")
        }
    }

    /// Refuses words, notes and `by` names over their limits.
    static func check(words: [String], arguments: Arguments) throws(CommandError) {
        let total = words.reduce(0) { $0 + $1.utf8.count + 1 } - 1
        if total > line {
            throw .usage("the command is \(grouped(total)) bytes long; rehab takes commands of up to "
                + "\(grouped(line)) bytes, so type a shorter one.")
        }
        // Only a one-shot command's words can hold one; a message quoting it would run over several lines.
        if words.contains(where: { $0.utf8.contains(0x0A) }) {
            throw .usage("a word holds a line break; type the whole command on one line.")
        }
        if let note = arguments.peek("note"), note.count > TextLimits.note {
            throw .usage("the note has \(grouped(note.count)) characters; a note may have up to "
                + "\(grouped(TextLimits.note)), so shorten it.")
        }
        for (i, w) in arguments.words.enumerated() where i > 0 && arguments.words[i - 1].lowercased() == "by" {
            if w.count > by {
                throw .usage("who gave the order ('by …') has \(grouped(w.count)) characters; use at most \(by), "
                    + "such as by \"Dr Lee\".")
            }
        }
        for w in words where w.count > word && !(arguments.peek("note")?.contains(w) ?? false) {
            throw .usage("a word of \(grouped(w.count)) characters ('\(Excerpt.of(w, length: 20))') is too long; "
                + "words have up to \(word) characters (notes up to \(grouped(note))).")
        }
    }

    /// 1048576 → "1,048,576", as the diagnostics count.
    static func grouped(_ n: Int) -> String { DiagnosticRenderer.grouped(n) }
}
