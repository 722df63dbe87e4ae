/// Styles travel through rendered text as private-use markers, never as raw escape bytes.
///
/// Text that reaches the terminal may hold anything a program file or a patient typed, escape
/// sequences included. The console's one write path shows every control character visibly and only
/// then turns these markers into the real codes, so only rehab itself can colour or move the cursor.
public enum StyleMarker {
    /// Opens and closes a marker: `open CODE close`, CODE being SGR digits, `r` (carriage return),
    /// `K` (erase to the end of the line) or `b` (the bell).
    public static let open: Unicode.Scalar = "\u{F8F0}"
    public static let close: Unicode.Scalar = "\u{F8F1}"

    /// `text` in SGR style `code` ("1;31"), back to plain after it.
    public static func wrap(_ text: String, _ code: String) -> String {
        "\(open)\(code)\(close)\(text)\(open)0\(close)"
    }

    /// Back to the start of the line, for a live countdown.
    public static let carriageReturn = "\(open)r\(close)"
    /// Erase from the cursor to the end of the line.
    public static let eraseLine = "\(open)K\(close)"
    /// The terminal bell, at the end of a timer.
    public static let bell = "\(open)b\(close)"
}
