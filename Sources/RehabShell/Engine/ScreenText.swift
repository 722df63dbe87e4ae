import RehabScript

/// The sanitiser every text passes on its way to the terminal (stdout and stderr alike).
///
/// Names, notes, `by`, commands and program files may hold escape sequences that would retitle the
/// window or clear the screen; here every C0 and C1 control and DEL except newline and tab is shown
/// visibly (`^[`, `\u009b`), and only then are rehab's own ``StyleMarker``s turned into codes.
/// Stored text keeps its original bytes; JSON output escapes controls on its own.
public enum ScreenText {
    public static func render(_ text: String, colors: Bool) -> String {
        // Fast path: nothing to escape and no markers, which is almost every line.
        if !text.unicodeScalars.contains(where: needsWork) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let u = scalars.popFirst() {
            if u == StyleMarker.open, let end = scalars.firstIndex(of: StyleMarker.close),
               scalars.distance(from: scalars.startIndex, to: end) <= 12 {
                let code = String(String.UnicodeScalarView(scalars[..<end]))
                if let real = realCode(code, colors: colors) {
                    out.append(contentsOf: real.unicodeScalars)
                    scalars = scalars[scalars.index(after: end)...]
                    continue
                }
            }
            append(u, to: &out)
        }
        return String(out)
    }

    private static func needsWork(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\n" && u != "\t") || (0x7F...0x9F).contains(u.value)
            || u == StyleMarker.open || u == StyleMarker.close
    }

    /// The bytes a marker stands for, or nil when it is not one of rehab's.
    private static func realCode(_ code: String, colors: Bool) -> String? {
        switch code {
        case "r": return "\r"
        case "K": return "\u{1B}[K"
        case "b": return "\u{07}"
        default:
            guard !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ";") }) else { return nil }
            return colors ? "\u{1B}[\(code)m" : ""
        }
    }

    private static func append(_ u: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        switch u.value {
        case 0x0A, 0x09: out.append(u)
        case 0x00..<0x20: out.append("^"); out.append(Unicode.Scalar(UInt8(u.value + 0x40)))
        case 0x7F: out.append(contentsOf: "^?".unicodeScalars)
        case 0x80...0x9F, 0xF8F0, 0xF8F1:
            // `\u009b`, not `\u{9b}`: inside `--json` output (whose encoder leaves these alone) it is
            // still a valid JSON escape for the same character.
            let hex = String(u.value, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
        default: out.append(u)
        }
    }
}
