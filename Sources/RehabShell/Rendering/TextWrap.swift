/// Wraps text at word boundaries to a terminal's width, so no line splits mid-word.
///
/// A wrapped line goes on under its own text: under the indentation it started with, and under the text after a
/// bullet ("  • ") or a numbered step ("  2. "), so lists stay readable at 40 columns. Escape sequences take no
/// room. A line that redraws in place (with a carriage return) is left alone, and a word longer than the width
/// is split, since nothing else fits.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> String {
        guard width >= 10 else { return text }
        var out = ""
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { out += "\n" }
            first = false
            out += wrapLine(String(line), width: width)
        }
        return out
    }

    static func wrapLine(_ line: String, width: Int) -> String {
        if line.contains("\r") || visibleWidth(line) <= width { return line }
        let hang = String(repeating: " ", count: min(width / 2, hangingIndent(line)))
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var leading = true
        // Words with the spaces before them; the leading indentation stays with the first word.
        for word in words(line) {
            let w = visibleWidth(word)
            if leading { current = word; currentWidth = w; leading = false; continue }
            if currentWidth + 1 + w <= width {
                current += " " + word; currentWidth += 1 + w
                continue
            }
            lines.append(current)
            current = hang + word
            currentWidth = hang.count + w
            while currentWidth > width {
                let (head, tail) = split(current, at: width)
                lines.append(head)
                current = hang + tail
                currentWidth = visibleWidth(current)
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// The indentation plus a list marker ("• ", "2. ", "Tip: " is not one) at the start of a line.
    static func hangingIndent(_ line: String) -> Int {
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        if i + 1 < chars.count, chars[i] == "•", chars[i + 1] == " " { return i + 2 }
        var j = i
        while j < chars.count, chars[j].isNumber { j += 1 }
        if j > i, j + 1 < chars.count, chars[j] == ".", chars[j + 1] == " " { return j + 2 }
        return i
    }

    /// Space-separated words; the first keeps the line's leading spaces.
    static func words(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var started = false
        for ch in line {
            if ch == " " {
                if !started { current.append(ch); continue }
                if !current.isEmpty { out.append(current); current = "" }
            } else {
                started = true
                current.append(ch)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Columns a text takes: escape sequences (ESC [ … letter) take none.
    public static func visibleWidth(_ s: String) -> Int {
        var n = 0
        var inEscape = false
        var sawBracket = false
        for u in s.unicodeScalars {
            if inEscape {
                if !sawBracket { sawBracket = true; if u != "[" { inEscape = false } ; continue }
                if (0x40...0x7E).contains(u.value) { inEscape = false }
                continue
            }
            if u == "\u{1B}" { inEscape = true; sawBracket = false; continue }
            if u.properties.generalCategory == .nonspacingMark { continue }
            n += 1
        }
        return n
    }

    /// The first `width` visible columns of a word and the rest.
    static func split(_ s: String, at width: Int) -> (String, String) {
        var head = ""
        var count = 0
        var rest = Substring(s)
        while let c = rest.first, count < width {
            head.append(c); rest.removeFirst()
            count = visibleWidth(head)
        }
        return (head, String(rest))
    }
}
